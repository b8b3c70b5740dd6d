// Top-level domains recognised at the end of a URL's host.
//
// GENERIC_TLDS and COUNTRY_TLDS are twitter-text 3.1.0's lists (validGTLD / validCCTLD), which
// are exactly the 1259 generic and 315 country-code TLDs of twitter-text's conformance file
// tlds.yml (March 2020); test/unit/text asserts that. They include TLDs IANA has since retired
// (e.g. 'an', 'tp', 'afamilycompany'): twitter-text still links those, so they stay.
//
// EXTRA_TLDS are TLDs delegated since then, from the 'tlds' npm package (v1.261.0)
// minus the two lists above; a unit test fails when a newer 'tlds' release has one missing here.
// None can match at the same place as another TLD (a prefix of it followed by a non-ASCII
// letter), so they cannot change how twitter-text's own TLDs match.
//
// Lists are sorted and front-coded to save bundle size: an entry starting with a digit d reuses
// the first d characters of the previous entry ('aaa|2rp' is 'aaa', 'aarp'). Use decodeTlds().

/** twitter-text's generic TLDs, front-coded. */
export const GENERIC_TLDS =
  'aaa|2rp|1barth|2b|3ott|3vie|2c|2le|2ogado|2udhabi|1cademy|2centure|3ountant|9ts|2o|2tive|3or|' +
  '1dac|2s|2ult|1eg|2ro|2tna|1familycompany|2l|2rica|1gakhan|2ency|1ig|3o|2rbus|3force|3tel|1kdn|' +
  '1lfaromeo|2ibaba|3pay|2lfinanz|3state|3y|2sace|3tom|1mericanexpress|8family|3x|2fam|2ica|' +
  '2sterdam|1nalytics|2droid|2quan|2z|1ol|1partments|2p|3le|1quarelle|1rab|3mco|2chi|2my|2pa|2t|3e|' +
  '1sda|2ia|2sociates|1thleta|2torney|1uction|2di|4ble|4o|2spost|2thor|3o|4s|1vianca|1ws|1xa|1zure|' +
  'baby|2idu|2namex|4narepublic|3d|3k|2r|3celona|4laycard|7s|3efoot|3gains|2seball|3ketball|2uhaus|' +
  '2yern|1bc|2t|2va|1cg|2n|1eats|3uty|2er|2ntley|2rlin|2st|4buy|2t|1harti|1ible|2d|2ke|2ng|4o|2o|2z|' +
  '1lack|5friday|3nco|2ockbuster|3g|3omberg|2ue|1ms|2w|1nl|2pparibas|1oats|2ehringer|2fa|2m|2nd|2o|' +
  '3k|4ing|3ts|2sch|3tik|4on|2t|2utique|2x|1radesco|2idgestone|2oadway|3ker|3ther|2ussels|1udapest|' +
  '2gatti|2ild|5ers|2siness|2y|2zz|1zh|cab|2fe|2l|3l|3vinklein|2m|3era|3p|2ncerresearch|3on|2petown|' +
  '3ital|7one|2r|3avan|3ds|3e|4er|6s|3s|3tier|2sa|3e|4ih|3h|3ino|2t|3ering|3holic|1ba|2n|2re|2s|1eb|' +
  '2nter|2o|2rn|1fa|2d|1hanel|4nel|3rity|3se|3t|2eap|2intai|2loe|2ristmas|3ome|3ysler|2urch|' +
  '1ipriani|2rcle|2sco|2tadel|3i|4c|3y|4eats|1laims|2eaning|2ick|3nic|5que|2othing|3ud|2ub|4med|' +
  '1oach|2des|2ffee|2llege|3ogne|2m|3cast|3mbank|4unity|3pany|5re|4uter|3sec|2ndos|3struction|' +
  '4ulting|3tact|4ractors|2oking|7channel|3l|3p|2rsica|2untry|3pon|6s|3rses|1pa|1redit|6card|6union|' +
  '2icket|2own|2s|2uise|6s|1sc|1uisinella|1ymru|2ou|dabur|2d|2nce|2ta|3e|3ing|3sun|2y|1clk|1ds|1eal|' +
  '4er|4s|2gree|2livery|3l|3oitte|3ta|2mocrat|2ntal|4ist|2si|4gn|2v|1hl|1iamonds|2et|2gital|2rect|' +
  '6ory|2scount|5ver|3h|2y|1np|1ocs|3tor|2dge|2g|2ha|2mains|2osan|2t|2wnload|1rive|1tv|1ubai|2ck|' +
  '2nlop|3s|2pont|2rban|1vag|2r|earth|2t|1co|1deka|2u|3cation|1mail|2erck|1nergy|2gineer|8ing|' +
  '2terprises|1post|2son|1quipment|1ricsson|2ni|1sq|2tate|2urance|1tisalat|1urovision|2s|1vents|' +
  '3rbank|1xchange|2pert|3osed|3ress|2traspace|fage|2il|3rwinds|3th|2mily|2n|3s|2rm|4ers|2shion|3t|' +
  '1edex|2edback|2rrari|4ero|1iat|2delity|3o|2lm|2nal|4nce|6ial|2re|4stone|3mdale|2sh|4ing|2t|3ness|' +
  '1lickr|3ghts|3r|2orist|3wers|2smidth|2y|1oo|3d|4network|3tball|2rd|3ex|3sale|3um|2undation|2x|' +
  '1ree|3senius|2l|2ogans|3ntdoor|5ier|1tr|1ujitsu|4xerox|2n|3d|2rniture|2tbol|1yi|gal|3lery|4o|4up|' +
  '2me|4s|2p|2rden|2y|1biz|1dn|1ea|2nt|4ing|2orge|1gee|1ift|4s|2ves|3ing|1lade|3ss|2e|2obal|4o|' +
  '1mail|2bh|2o|2x|1odaddy|2ld|4point|3f|2o|3dhands|4year|3g|4le|2p|2t|2v|1rainger|3phics|3tis|2een|' +
  '2ipe|2ocery|3up|1uardian|2cci|2ge|2ide|3tars|2ru|hair|2mburg|2ngout|2us|1bo|1dfc|4bank|1ealth|' +
  '6care|2lp|3sinki|2re|3mes|1gtv|1iphop|2samitsu|2tachi|2v|1kt|1ockey|2ldings|3iday|2medepot|' +
  '4goods|4s|5ense|2nda|3eywell|2rse|2spital|3t|4ing|2t|3eles|5s|3mail|2use|2w|1sbc|1tc|1ughes|' +
  '1yatt|2undai|ibm|1cbc|2e|2u|1eee|1fm|1inet|1kano|1mamat|2db|2mo|4bilien|1nc|2dustries|2finiti|3o|' +
  '2g|2k|2stitute|3urance|5e|2t|3el|4rnational|3uit|2vestments|1piranga|1rish|1select|2maili|2t|' +
  '3anbul|1tau|2v|1veco|1wc|jaguar|2va|1cb|2p|1eep|2tzt|2welry|1io|1lc|2l|1mp|1nj|1obs|3urg|2t|2y|' +
  '1pmorgan|2rs|1uegos|2niper|kaufen|1ddi|1erryhotels|5logistics|5properties|1fh|1ia|2m|2nder|4le|' +
  '2tchen|2wi|1oeln|2matsu|2sher|1pmg|2n|1rd|2ed|1uokgroup|1yoto|lacaixa|2dbrokes|2mborghini|3er|' +
  '2ncaster|4ia|4ome|3d|4rover|3xess|2salle|2t|3ino|3robe|2w|3yer|1ds|1ease|2clerc|2frak|2gal|3o|' +
  '2xus|1gbt|1iaison|2dl|2fe|4insurance|4style|2ghting|2ke|2lly|2mited|3o|2ncoln|3de|3k|2psy|2ve|' +
  '3ing|2xil|1lc|2p|1oan|4s|2cker|3us|2ft|2l|2ndon|2tte|4o|2ve|1pl|3financial|1td|3a|1undbeck|2pin|' +
  '2xe|3ury|macys|2drid|2if|3son|2keup|2n|3agement|3go|2p|2rket|6ing|6s|3riott|3shalls|2serati|' +
  '2ttel|1ba|1cd|3onalds|2kinsey|1ed|3ia|2et|2lbourne|2me|3orial|2n|3u|2o|2rckmsd|2tlife|1iami|' +
  '2crosoft|2l|2ni|3t|2t|3subishi|1lb|2s|1ma|1obi|4le|5y|2da|2e|2i|2m|2nash|3ey|3ster|3tblanc|2par|' +
  '2rmon|3tgage|2scow|2to|4rcycles|2v|3ie|4star|1sd|1tn|2pc|2r|1useum|2tual|4elle|nab|2dex|2goya|' +
  '2me|2tionwide|3ura|2vy|1ba|1ec|2t|3bank|3flix|3work|2ustar|2w|3holland|3s|2xt|4direct|3us|1fl|' +
  '1go|1hk|1ico|2ke|3on|2nja|2ssan|5y|1okia|2rthwesternmutual|4on|2w|3ruz|3tv|1ra|2w|1tt|1yc|obi|' +
  '2server|1ff|3ice|1kinawa|1layan|6group|2dnavy|2lo|1mega|1ne|2g|2ion|2l|3ine|2yourside|1oo|1pen|' +
  '1racle|3nge|2g|3anic|2ientexpress|3gins|1saka|1tsuka|2t|1vh|page|2mperedchef|2nasonic|3erai|2ris|' +
  '3s|3tners|4s|4y|2ssagens|2y|1ccw|1et|1fizer|1harmacy|2d|2ilips|2one|3to|5graphy|5s|2ysio|1iaget|' +
  '2cs|3tet|4ures|2d|2n|3g|3k|2oneer|2zza|1lace|3y|4station|2umbing|3s|1nc|1ohl|2ker|2litie|2rn|2st|' +
  '1ramerica|3xi|2ess|2ime|2o|3d|4uctions|3f|3gressive|3mo|3perties|7y|3tection|2u|3dential|1ub|1wc|' +
  'qpon|1uebec|3st|1vc|racing|2dio|2id|1ead|3lestate|4tor|5y|2cipes|2d|3stone|3umbrella|2hab|2ise|' +
  '5n|3t|2liance|2n|3t|4als|2pair|3ort|3ublican|2st|4aurant|2view|6s|2xroth|1ich|4ardli|3oh|' +
  '2ghtathome|2l|2o|2p|1mit|1ocher|3ks|2deo|2gers|2om|1svp|1ugby|2hr|2n|1we|1yukyu|saarland|2fe|4ty|' +
  '2kura|2le|3on|2msclub|4ung|2ndvik|7coromant|3ofi|2p|3o|2rl|2s|2ve|2xo|1bi|2s|1ca|2b|2haeffler|' +
  '3midt|3olarships|4ol|3ule|3warz|2ience|2johnson|2or|3t|1earch|3t|2cure|5ity|2ek|2lect|2ner|' +
  '2rvices|2s|2ven|2w|2x|3y|1fr|1hangrila|3rp|3w|2ell|2ia|3ksha|2oes|3p|4ping|3uji|3w|4time|2riram|' +
  '1ilk|2na|3gles|2te|1ki|3n|2y|3pe|1ling|1mart|2ile|1ncf|1occer|3ial|2ftbank|4ware|2hu|2lar|' +
  '3utions|2ng|3y|2y|1pace|2iegel|2ort|3t|2readbetting|1rl|2t|1tada|3ples|3r|4hub|3tebank|5farm|' +
  '4oil|2c|3group|2ockholm|3rage|4e|2ream|2udio|4y|2yle|1ucks|2pplies|5y|4ort|2rf|3gery|2zuki|' +
  '1watch|2iftcover|3ss|1ydney|2mantec|2stems|tab|2ipei|2lk|2obao|2rget|2tamotors|4r|3too|2x|3i|1ci|' +
  '1dk|1eam|2ch|4nology|2l|3ecity|4fonica|2masek|2nnis|2va|1hd|2eater|5re|1iaa|2ckets|2enda|2ffany|' +
  '2ps|2res|3ol|1jmaxx|2x|1kmaxx|1mall|1oday|2kyo|2ols|2p|2ray|2shiba|2tal|2urs|2wn|2yota|3s|1rade|' +
  '4ing|3ining|3vel|6channel|6ers|9insurance|2ust|2v|1ube|2i|2nes|2shu|1vs|ubank|2s|1connect|1nicom|' +
  '3versity|2o|1ol|1ps|vacations|2na|3guard|1egas|2ntures|2risign|3mögensberater|9beratung|' +
  '3sicherung|2t|1iajes|2deo|2g|2king|2llas|2n|2p|2rgin|2sa|3ion|3ta|5print|2va|3o|1laanderen|1odka|' +
  '2lkswagen|3vo|2te|3ing|3o|2yage|1uelos|wales|3mart|3ter|2ng|4gou|2rman|2tch|5es|1eather|7channel|' +
  '2bcam|3er|3site|2d|3ding|2ibo|3r|1hoswho|1ien|2ki|2lliamhill|2n|3dows|3e|3ners|1me|1olterskluwer|' +
  '2odside|2rk|4s|3ld|2w|1tc|2f|xbox|1erox|1finity|1ihuan|2n|1peria|1xx|1yz|yachts|2hoo|2maxun|' +
  '2ndex|1odobashi|2ga|2kohama|2u|3tube|1un|zappos|2ra|1ero|1ip|3po|1one|1uerich|дети|католик|1ом|' +
  'москва|онлайн|1рг|рус|сайт|קום|ابوظبي|1تصالات|1رامكو|1لعليان|بازار|1يتك|شبكة|عرب|كاثوليك|1وم|' +
  'موبايلي|2قع|همراه|कॉम|नेट|संगठन|คอม|みんな|クラウド|グーグル|コム|ストア|セール|ファッション|ポイント|世界|中信|1文网|企业|佛山|信息|健康|' +
  '八卦|公司|1益|商城|1店|1标|嘉里|2大酒店|在线|大众汽车|1拿|天主教|娱乐|家電|工行|广东|微博|慈善|我爱你|手机|1表|招聘|政务|1府|新闻|时尚|書籍|机构|淡马锡|游戏|' +
  '点看|珠宝|移动|组织机构|网址|1店|1站|1络|联通|诺基亚|谷歌|购物|通販|集团|電訊盈科|飞利浦|食品|餐厅|香格里拉|닷넷|1컴|삼성';

/** twitter-text's country-code TLDs, front-coded. */
export const COUNTRY_TLDS =
  'ac|1d|1e|1f|1g|1i|1l|1m|1n|1o|1q|1r|1s|1t|1u|1w|1x|1z|ba|1b|1d|1e|1f|1g|1h|1i|1j|1l|1m|1n|1o|1q|' +
  '1r|1s|1t|1v|1w|1y|1z|ca|1c|1d|1f|1g|1h|1i|1k|1l|1m|1n|1o|1r|1u|1v|1w|1x|1y|1z|de|1j|1k|1m|1o|1z|' +
  'ec|1e|1g|1h|1r|1s|1t|1u|fi|1j|1k|1m|1o|1r|ga|1b|1d|1e|1f|1g|1h|1i|1l|1m|1n|1p|1q|1r|1s|1t|1u|1w|' +
  '1y|hk|1m|1n|1r|1t|1u|id|1e|1l|1m|1n|1o|1q|1r|1s|1t|je|1m|1o|1p|ke|1g|1h|1i|1m|1n|1p|1r|1w|1y|1z|' +
  'la|1b|1c|1i|1k|1r|1s|1t|1u|1v|1y|ma|1c|1d|1e|1f|1g|1h|1k|1l|1m|1n|1o|1p|1q|1r|1s|1t|1u|1v|1w|1x|' +
  '1y|1z|na|1c|1e|1f|1g|1i|1l|1o|1p|1r|1u|1z|om|pa|1e|1f|1g|1h|1k|1l|1m|1n|1r|1s|1t|1w|1y|qa|re|1o|' +
  '1s|1u|1w|sa|1b|1c|1d|1e|1g|1h|1i|1j|1k|1l|1m|1n|1o|1r|1s|1t|1u|1v|1x|1y|1z|tc|1d|1f|1g|1h|1j|1k|' +
  '1l|1m|1n|1o|1p|1r|1t|1v|1w|1z|ua|1g|1k|1m|1s|1y|1z|va|1c|1e|1g|1i|1n|1u|wf|1s|ye|1t|za|1m|1w|ελ|' +
  '1υ|бг|1ел|ею|мкд|1он|рф|срб|укр|қаз|հայ|الاردن|2بحرين|2جزائر|2سعودية|2مغرب|1مارات|1یران|بارت|' +
  '1ھارت|تونس|سودان|2رية|عراق|1مان|فلسطين|قطر|مصر|1ليسيا|1وريتانيا|پاکستان|ڀارت|भारत|4म्|3ोत|বাংলা|' +
  'ভারত|2ৰত|ਭਾਰਤ|ભારત|ଭାରତ|இந்தியா|1லங்கை|சிங்கப்பூர்|భారత్|ಭಾರತ|ഭാരതം|ලංකා|ไทย|ລາວ|გე|中国|1國|台湾|1灣|' +
  '新加坡|澳門|香港|한국';

/** TLDs newer than twitter-text 3.1.0 (from the 'tlds' package), front-coded. */
export const EXTRA_TLDS = 'amazon|kids|music|spa|ישראל|アマゾン|亚马逊';

/**
 * Expands one of the front-coded lists above into its TLDs (lower case, sorted).
 * @throws Never.
 */
export function decodeTlds(packed: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const entry of packed.split('|')) {
    const shared = entry.charCodeAt(0) - 48;
    previous = shared >= 1 && shared <= 9 ? previous.slice(0, shared) + entry.slice(1) : entry;
    out.push(previous);
  }
  return out;
}

/** The file the build writes the lists to (wxt.config.ts), read by the background on first use (./tld-list.fetched.ts). */
export const TLD_FILE = 'tlds.txt';

/**
 * The contents of {@link TLD_FILE}: the three front-coded lists, one a line.
 * @throws Never.
 */
export function tldFileText(): string {
  return `${[GENERIC_TLDS, COUNTRY_TLDS, EXTRA_TLDS].join('\n')}\n`;
}

/**
 * Every TLD in a {@link TLD_FILE} text (see {@link tldFileText}), in its order.
 * @throws Never.
 */
export function decodeTldFile(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .flatMap(decodeTlds);
}
