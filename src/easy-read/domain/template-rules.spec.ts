import { DEFAULT_TEMPLATE, followsTemplate, summaryProblems, templateChangeProblem, templateProblems } from './template-rules';

const template = { headings: ['What they will do', 'Who will do it'], wordLimit: 20 };
const words = (n: number) => Array.from({ length: n }, () => 'help').join(' ');

describe('one template for every bid', () => {
  it('defaults to the four headings and 80 words under each', () => {
    expect(DEFAULT_TEMPLATE.headings).toHaveLength(4);
    expect(DEFAULT_TEMPLATE.wordLimit).toBe(80);
  });

  it('refuses a heading given twice (case and spaces ignored), naming the second', () => {
    expect(templateProblems({ headings: ['Who', 'What', ' who '], wordLimit: 40 })).toEqual([
      { field: 'headings[2]', message: 'The heading "who" is there twice: give each heading once.' },
    ]);
  });

  it('locks the template once any summary has been sent for fact-check', () => {
    expect(templateChangeProblem(0)).toBeNull();
    expect(templateChangeProblem(1)).toMatch(/no longer change/);
  });

  it('takes a summary with the headings in order and within the limit', () => {
    const sections = [
      { heading: 'what they will DO', text: words(20) },
      { heading: 'Who will do it', text: 'Two support workers.' },
    ];
    expect(summaryProblems(sections, template)).toEqual([]);
    expect(followsTemplate({ sections, wordLimit: 20 }, template)).toBe(true);
    expect(followsTemplate({ sections, wordLimit: 30 }, template)).toBe(false);
  });

  it('names the field of each problem: a missing part, a wrong heading, an empty or long text', () => {
    expect(summaryProblems([{ heading: 'What they will do', text: 'x' }], template)).toEqual([
      { field: 'sections', message: 'Write one part for each of the 2 headings, in order: What they will do; Who will do it.' },
    ]);
    expect(
      summaryProblems(
        [
          { heading: 'Who will do it', text: words(21) },
          { heading: 'Who will do it', text: ' ... ' },
        ],
        template,
      ),
    ).toEqual([
      {
        field: 'sections[0].heading',
        message: 'Part 1 must have the heading "What they will do", as every bid\'s summary does.',
      },
      {
        field: 'sections[0].text',
        message: 'The part under "What they will do" has 21 words; every bid has at most 20. Take out 1.',
      },
      { field: 'sections[1].text', message: 'Write the part under "Who will do it".' },
    ]);
  });
});
