// Types for the parts of twitter-text 3.1.0 (CommonJS, no bundled types) that the counter's tests
// and benchmark use as an oracle. lib/ never imports twitter-text.
declare module 'twitter-text' {
  interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
    validRangeStart: number;
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  }
  interface UrlWithIndices {
    url: string;
    indices: [number, number];
  }
  const twitterText: {
    parseTweet(text: string): ParsedTweet;
    extractUrls(text: string): string[];
    extractUrlsWithIndices(text: string): UrlWithIndices[];
    extractCashtags(text: string): string[];
  };
  export default twitterText;
}
