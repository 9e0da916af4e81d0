import { NotBlank } from '../validators/not-blank';
import { IsEnum, IsInt, IsOptional, IsTimeZone, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CurrencyCode, Locale, PriceBasis, ToolMixBasis } from '../../entities/enums';
import { DecimalScalar } from '../common/scalars';

@InputType({ description: 'Agency settings (owner only); omitted fields stay as they are.' })
export class UpdateAgencySettingsInput {
  @Field(() => String, { nullable: true, description: 'Display name.' })
  @IsOptional()
  @Length(1, 200)
  @NotBlank()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;

  @Field(() => Locale, { nullable: true, description: 'Default document language.' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Default currency.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  defaultCurrency?: CurrencyCode | null;

  @Field(() => DecimalScalar, { nullable: true, description: '70/20/10 tolerance in percentage points, 0–50.' })
  @IsOptional()
  @Matches(/^(50(\.0+)?|[1-4]?\d(\.\d{1,2})?)$/, { message: 'toolMixTolerancePp must be between 0 and 50 with at most 2 decimals' })
  toolMixTolerancePp?: string | null;

  @Field(() => ToolMixBasis, { nullable: true, description: 'Which view of the 70/20/10 mix gates sending a proposal: BUDGET_SHARE or TOOL_COUNT.' })
  @IsOptional()
  @IsEnum(ToolMixBasis)
  toolMixBasis?: ToolMixBasis | null;

  @Field(() => PriceBasis, {
    nullable: true,
    description: 'The price basis of new proposals and contracts (each one may state its own): VAT_INCLUDED («в т.ч. НДС», the default) or VAT_ON_TOP.',
  })
  @IsOptional()
  @IsEnum(PriceBasis)
  priceBasis?: PriceBasis | null;

  @Field(() => Int, { nullable: true, description: 'Maximum days between contacts with a client, 1–365.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  maxContactIntervalDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days after a meeting by which its protocol is due, 0–30.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  protocolDueDays?: number | null;
}
