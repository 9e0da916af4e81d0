/** A locale's messages: nested objects of strings (i18next's resource shape). */
export interface LocaleResource {
  [key: string]: string | LocaleResource;
}
