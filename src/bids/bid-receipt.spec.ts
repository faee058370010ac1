import { canonicalContent, poundsText, sha256Hex } from './bid-receipt';

describe('bid receipts', () => {
  it('writes prices with two decimals, exactly', () => {
    expect([poundsText(124950050), poundsText(5), poundsText(100)]).toEqual(['1249500.50', '0.05', '1.00']);
  });

  it('is one line of JSON with members in a fixed order, hashed as UTF-8', () => {
    const content = canonicalContent({
      tenderId: 't',
      bidId: 'b',
      version: 2,
      submittedAt: new Date('2027-01-30T16:42:10.123Z'),
      bidderName: 'Café Mind',
      organisationType: 'vcse',
      consortium: [],
      pricePence: 100050,
      responses: [{ criterion: 'Q1', text: 'Open six days.' }],
      commitments: [{ criterion: null, outcome: 'Jobs', measure: 'Starts', target: '40', baseline: null, by: null }],
    });
    expect(content).toBe(
      '{"tender":"t","bid":"b","version":2,"submittedAt":"2027-01-30T16:42:10.123Z","bidderName":"Café Mind","organisationType":"vcse","consortium":[],"price":"1000.50","responses":[{"criterion":"Q1","text":"Open six days."}],"commitments":[{"criterion":null,"outcome":"Jobs","measure":"Starts","target":"40","baseline":null,"by":null}]}',
    );
    // echo -n '…' | sha256sum, on the same bytes: "é" is two bytes in UTF-8.
    expect(sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
