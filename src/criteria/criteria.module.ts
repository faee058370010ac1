import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CriteriaController } from './criteria.controller';
import { CriteriaService } from './criteria.service';

@Module({ imports: [AccessModule], controllers: [CriteriaController], providers: [CriteriaService], exports: [CriteriaService] })
export class CriteriaModule {}
