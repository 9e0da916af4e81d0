import { registerEnumType } from 'type-graphql';
import { ContractTemplateProblemCode } from '../../documents/contract/contract-template';

registerEnumType(ContractTemplateProblemCode, {
  name: 'ContractTemplateProblemCode',
  description: 'What is wrong with a contract template text.',
  valuesConfig: {
    TOO_LONG: { description: 'The text is longer than 100 KB (UTF-8).' },
    NO_SECTIONS: { description: 'There is no section: a section starts with a line "## Heading".' },
    EMPTY_SECTION: { description: 'A section has no clause (no paragraph before the next heading or the end).' },
    EMPTY_HEADING: { description: 'A "##" line without a heading.' },
    BAD_HEADING: { description: 'A line starts with "#" but is not "## Heading" (one "#", three "#", no space after "##"…).' },
    UNKNOWN_PLACEHOLDER: { description: 'A placeholder that is not in contractTemplatePlaceholders (its name is in `placeholder`).' },
    UNBALANCED_BRACES: { description: 'Braces that do not form a placeholder: "{{" without "}}" on the same line, a single brace, braces inside a placeholder.' },
    MANUAL_NUMBERING: { description: 'A heading or clause starts with its own number ("1.", "2.1."): numbers are added automatically.' },
  },
});
