import { NotBlank } from '../validators/not-blank';
import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsMoney } from '../validators/money';
import { IsQuantity, IsVatRate } from '../validators/amounts';
import { DecimalScalar } from './scalars';


/**
 * The fields of a line of an invoice or an act: one service with its quantity, price and VAT
 * rate, under the same rules (the amounts are computed by the one rounding rule in money/totals).
 */
@InputType('DocumentLineFields', { description: 'Shared fields of invoice and act lines (never exposed).' })
export abstract class DocumentLineFields {
  @Field(() => String, { description: 'What is billed / was done, e.g. «Ведение рекламной кампании в Яндекс Директ, октябрь 2026» (1–1000 characters).' })
  @Length(1, 1000, { message: 'description must be 1–1000 characters long' })
  @NotBlank()
  description: string;

  @Field(() => DecimalScalar, { nullable: true, defaultValue: '1', description: 'Quantity (positive, at most 3 decimals); "1" by default.' })
  @IsOptional()
  @IsQuantity()
  quantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of measure, e.g. «усл.», «ч» (1–20 characters); «усл.» by default.' })
  @IsOptional()
  @Length(1, 20, { message: 'unit must be 1–20 characters long' })
  @NotBlank()
  unit?: string | null;

  @Field(() => DecimalScalar, { description: 'Price per unit, without VAT (exact, non-negative, at most 2 decimals).' })
  @IsMoney()
  unitPrice: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'VAT rate in percent (0–100, at most 2 decimals). Omitted: the standard rate of the agency country in force on the supply / act date, from the dated table (re-read at issue; vatRateAuto). Explicit null: without VAT.',
  })
  @IsOptional()
  @IsVatRate()
  vatRate?: string | null;
}
