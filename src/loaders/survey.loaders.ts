import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { SurveyAnswer, SurveyInvitation, SurveyResponse } from '../entities';
import { childRows } from './loader-kit';

export interface SurveyLoaders {
  /** responses of each survey, oldest first */
  surveyResponses: DataLoader<string, SurveyResponse[]>;
  /** one-time links of each survey, in the order they were made */
  surveyInvitations: DataLoader<string, SurveyInvitation[]>;
  /** answers of each response */
  responseAnswers: DataLoader<string, SurveyAnswer[]>;
}

export function createSurveyLoaders(ctx: RequestContext): SurveyLoaders {
  return {
    surveyResponses: childRows(ctx, SurveyResponse, 'surveyId', ['answeredAt ASC']),
    surveyInvitations: childRows(ctx, SurveyInvitation, 'surveyId', ['createdAt ASC']),
    responseAnswers: childRows(ctx, SurveyAnswer, 'responseId', ['questionKey ASC']),
  };
}
