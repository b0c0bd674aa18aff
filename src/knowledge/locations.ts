/**
 * The 228 posts of CEAC's location list (docs/ceac-locations.csv), with the IANA
 * time zone of each post so that the scheduler can reason in local business days. `name` keeps
 * CEAC's own spelling (typos included: "KILGALI", "COTE D`IVORIE"), because that is what the form
 * expects; `displayName` is the spelling a person reads.
 */

export interface Location {
  /** CEAC's location code, e.g. "BMB". */
  code: string;
  country: string;
  city: string;
  /** As CEAC lists it, e.g. "INDIA, MUMBAI". */
  name: string;
  /** As a person reads it, e.g. "Mumbai, India". */
  displayName: string;
  /** IANA time zone of the post, e.g. "Asia/Kolkata". */
  timeZone: string;
}

type Row = readonly [code: string, name: string, country: string, city: string, displayName: string, timeZone: string];

const ROWS: readonly Row[] = [
  ['KBL', 'AFGHANISTAN, KABUL', 'AFGHANISTAN', 'KABUL', 'Kabul, Afghanistan', 'Asia/Kabul'],
  ['TIA', 'ALBANIA, TIRANA', 'ALBANIA', 'TIRANA', 'Tirana, Albania', 'Europe/Tirane'],
  ['ALG', 'ALGERIA, ALGIERS', 'ALGERIA', 'ALGIERS', 'Algiers, Algeria', 'Africa/Algiers'],
  ['LUA', 'ANGOLA, LUANDA', 'ANGOLA', 'LUANDA', 'Luanda, Angola', 'Africa/Luanda'],
  [
    'BNS',
    'ARGENTINA, BUENOS AIRES',
    'ARGENTINA',
    'BUENOS AIRES',
    'Buenos Aires, Argentina',
    'America/Argentina/Buenos_Aires',
  ],
  ['YRV', 'ARMENIA, YEREVAN', 'ARMENIA', 'YEREVAN', 'Yerevan, Armenia', 'Asia/Yerevan'],
  ['MLB', 'AUSTRALIA, MELBOURNE', 'AUSTRALIA', 'MELBOURNE', 'Melbourne, Australia', 'Australia/Melbourne'],
  ['PRT', 'AUSTRALIA, PERTH', 'AUSTRALIA', 'PERTH', 'Perth, Australia', 'Australia/Perth'],
  ['SYD', 'AUSTRALIA, SYDNEY', 'AUSTRALIA', 'SYDNEY', 'Sydney, Australia', 'Australia/Sydney'],
  ['VNN', 'AUSTRIA, VIENNA', 'AUSTRIA', 'VIENNA', 'Vienna, Austria', 'Europe/Vienna'],
  ['BKU', 'AZERBAIJAN, BAKU', 'AZERBAIJAN', 'BAKU', 'Baku, Azerbaijan', 'Asia/Baku'],
  ['NSS', 'BAHAMAS, NASSAU', 'BAHAMAS', 'NASSAU', 'Nassau, Bahamas', 'America/Nassau'],
  ['MNA', 'BAHRAIN, MANAMA', 'BAHRAIN', 'MANAMA', 'Manama, Bahrain', 'Asia/Bahrain'],
  ['DHK', 'BANGLADESH, DHAKA', 'BANGLADESH', 'DHAKA', 'Dhaka, Bangladesh', 'Asia/Dhaka'],
  ['BGN', 'BARBADOS, BRIDGETOWN', 'BARBADOS', 'BRIDGETOWN', 'Bridgetown, Barbados', 'America/Barbados'],
  ['MSK', 'BELARUS, MINSK', 'BELARUS', 'MINSK', 'Minsk, Belarus', 'Europe/Minsk'],
  ['BRS', 'BELGIUM, BRUSSELS', 'BELGIUM', 'BRUSSELS', 'Brussels, Belgium', 'Europe/Brussels'],
  ['BLZ', 'BELIZE, BELMOPAN', 'BELIZE', 'BELMOPAN', 'Belmopan, Belize', 'America/Belize'],
  ['COT', 'BENIN, COTONOU', 'BENIN', 'COTONOU', 'Cotonou, Benin', 'Africa/Porto-Novo'],
  ['HML', 'BERMUDA, HAMILTON', 'BERMUDA', 'HAMILTON', 'Hamilton, Bermuda', 'Atlantic/Bermuda'],
  ['LPZ', 'BOLIVIA, LA PAZ', 'BOLIVIA', 'LA PAZ', 'La Paz, Bolivia', 'America/La_Paz'],
  [
    'SAR',
    'BOSNIA-HERZEGOVINA, SARAJEVO',
    'BOSNIA-HERZEGOVINA',
    'SARAJEVO',
    'Sarajevo, Bosnia-Herzegovina',
    'Europe/Sarajevo',
  ],
  ['GAB', 'BOTSWANA, GABORONE', 'BOTSWANA', 'GABORONE', 'Gaborone, Botswana', 'Africa/Gaborone'],
  ['BRA', 'BRAZIL, BRASILIA', 'BRAZIL', 'BRASILIA', 'Brasilia, Brazil', 'America/Sao_Paulo'],
  ['PTA', 'BRAZIL, PORTO ALEGRE', 'BRAZIL', 'PORTO ALEGRE', 'Porto Alegre, Brazil', 'America/Sao_Paulo'],
  ['RCF', 'BRAZIL, RECIFE', 'BRAZIL', 'RECIFE', 'Recife, Brazil', 'America/Recife'],
  ['RDJ', 'BRAZIL, RIO DE JANEIRO', 'BRAZIL', 'RIO DE JANEIRO', 'Rio de Janeiro, Brazil', 'America/Sao_Paulo'],
  ['SPL', 'BRAZIL, SAO PAULO', 'BRAZIL', 'SAO PAULO', 'Sao Paulo, Brazil', 'America/Sao_Paulo'],
  ['BSB', 'BRUNEI, BANDAR SERI BEGAWAN', 'BRUNEI', 'BANDAR SERI BEGAWAN', 'Bandar Seri Begawan, Brunei', 'Asia/Brunei'],
  ['SOF', 'BULGARIA, SOFIA', 'BULGARIA', 'SOFIA', 'Sofia, Bulgaria', 'Europe/Sofia'],
  [
    'OUG',
    'BURKINA FASO, OUAGADOUGOU',
    'BURKINA FASO',
    'OUAGADOUGOU',
    'Ouagadougou, Burkina Faso',
    'Africa/Ouagadougou',
  ],
  ['RNG', 'BURMA, RANGOON', 'BURMA', 'RANGOON', 'Rangoon, Burma', 'Asia/Yangon'],
  ['BUJ', 'BURUNDI, BUJUMBURA', 'BURUNDI', 'BUJUMBURA', 'Bujumbura, Burundi', 'Africa/Bujumbura'],
  ['PIA', 'CABO VERDE, PRAIA', 'CABO VERDE', 'PRAIA', 'Praia, Cabo Verde', 'Atlantic/Cape_Verde'],
  ['PHP', 'CAMBODIA, PHNOM PENH', 'CAMBODIA', 'PHNOM PENH', 'Phnom Penh, Cambodia', 'Asia/Phnom_Penh'],
  ['YDE', 'CAMEROON, YAOUNDE', 'CAMEROON', 'YAOUNDE', 'Yaounde, Cameroon', 'Africa/Douala'],
  ['CLG', 'CANADA, CALGARY', 'CANADA', 'CALGARY', 'Calgary, Canada', 'America/Edmonton'],
  ['HLF', 'CANADA, HALIFAX', 'CANADA', 'HALIFAX', 'Halifax, Canada', 'America/Halifax'],
  ['MTL', 'CANADA, MONTREAL', 'CANADA', 'MONTREAL', 'Montreal, Canada', 'America/Toronto'],
  ['OTT', 'CANADA, OTTAWA', 'CANADA', 'OTTAWA', 'Ottawa, Canada', 'America/Toronto'],
  ['QBC', 'CANADA, QUEBEC', 'CANADA', 'QUEBEC', 'Quebec, Canada', 'America/Toronto'],
  ['TRT', 'CANADA, TORONTO', 'CANADA', 'TORONTO', 'Toronto, Canada', 'America/Toronto'],
  ['VAC', 'CANADA, VANCOUVER', 'CANADA', 'VANCOUVER', 'Vancouver, Canada', 'America/Vancouver'],
  ['NDJ', 'CHAD, N`DJAMENA', 'CHAD', 'N`DJAMENA', "N'Djamena, Chad", 'Africa/Ndjamena'],
  ['SNT', 'CHILE, SANTIAGO', 'CHILE', 'SANTIAGO', 'Santiago, Chile', 'America/Santiago'],
  ['BEJ', 'CHINA, BEIJING', 'CHINA', 'BEIJING', 'Beijing, China', 'Asia/Shanghai'],
  ['CHE', 'CHINA, CHENGDU', 'CHINA', 'CHENGDU', 'Chengdu, China', 'Asia/Shanghai'],
  ['GUZ', 'CHINA, GUANGZHOU', 'CHINA', 'GUANGZHOU', 'Guangzhou, China', 'Asia/Shanghai'],
  ['SHG', 'CHINA, SHANGHAI', 'CHINA', 'SHANGHAI', 'Shanghai, China', 'Asia/Shanghai'],
  ['SNY', 'CHINA, SHENYANG', 'CHINA', 'SHENYANG', 'Shenyang, China', 'Asia/Shanghai'],
  ['WUH', 'CHINA, WUHAN', 'CHINA', 'WUHAN', 'Wuhan, China', 'Asia/Shanghai'],
  ['BGT', 'COLOMBIA, BOGOTA', 'COLOMBIA', 'BOGOTA', 'Bogota, Colombia', 'America/Bogota'],
  ['BRZ', 'CONGO, BRAZZAVILLE', 'CONGO', 'BRAZZAVILLE', 'Brazzaville, Congo', 'Africa/Brazzaville'],
  ['KIN', 'CONGO, KINSHASA', 'CONGO', 'KINSHASA', 'Kinshasa, Congo', 'Africa/Kinshasa'],
  ['SNJ', 'COSTA RICA, SAN JOSE', 'COSTA RICA', 'SAN JOSE', 'San Jose, Costa Rica', 'America/Costa_Rica'],
  ['ABJ', 'COTE D`IVORIE, ABIDJAN', 'COTE D`IVORIE', 'ABIDJAN', "Abidjan, Côte d'Ivoire", 'Africa/Abidjan'],
  ['ZGB', 'CROATIA, ZAGREB', 'CROATIA', 'ZAGREB', 'Zagreb, Croatia', 'Europe/Zagreb'],
  ['HAV', 'CUBA, HAVANA', 'CUBA', 'HAVANA', 'Havana, Cuba', 'America/Havana'],
  ['CRC', 'CURACAO, CURACAO', 'CURACAO', 'CURACAO', 'Curacao, Curacao', 'America/Curacao'],
  ['NCS', 'CYPRUS, NICOSIA', 'CYPRUS', 'NICOSIA', 'Nicosia, Cyprus', 'Asia/Nicosia'],
  ['PRG', 'CZECH REPUBLIC, PRAGUE', 'CZECH REPUBLIC', 'PRAGUE', 'Prague, Czech Republic', 'Europe/Prague'],
  ['CPN', 'DENMARK, COPENHAGEN', 'DENMARK', 'COPENHAGEN', 'Copenhagen, Denmark', 'Europe/Copenhagen'],
  ['DJI', 'DJIBOUTI, DJIBOUTI', 'DJIBOUTI', 'DJIBOUTI', 'Djibouti, Djibouti', 'Africa/Djibouti'],
  [
    'SDO',
    'DOMINICAN REPUBLIC, SANTO DOMINGO',
    'DOMINICAN REPUBLIC',
    'SANTO DOMINGO',
    'Santo Domingo, Dominican Republic',
    'America/Santo_Domingo',
  ],
  ['GYQ', 'ECUADOR, GUAYAQUIL', 'ECUADOR', 'GUAYAQUIL', 'Guayaquil, Ecuador', 'America/Guayaquil'],
  ['QTO', 'ECUADOR, QUITO', 'ECUADOR', 'QUITO', 'Quito, Ecuador', 'America/Guayaquil'],
  ['CRO', 'EGYPT, CAIRO', 'EGYPT', 'CAIRO', 'Cairo, Egypt', 'Africa/Cairo'],
  [
    'SNS',
    'EL SALVADOR, SAN SALVADOR',
    'EL SALVADOR',
    'SAN SALVADOR',
    'San Salvador, El Salvador',
    'America/El_Salvador',
  ],
  ['LND', 'ENGLAND, LONDON', 'ENGLAND', 'LONDON', 'London, England', 'Europe/London'],
  ['MBO', 'EQUATORIAL GUINEA, MALABO', 'EQUATORIAL GUINEA', 'MALABO', 'Malabo, Equatorial Guinea', 'Africa/Malabo'],
  ['ASM', 'ERITREA, ASMARA', 'ERITREA', 'ASMARA', 'Asmara, Eritrea', 'Africa/Asmara'],
  ['TAL', 'ESTONIA, TALLINN', 'ESTONIA', 'TALLINN', 'Tallinn, Estonia', 'Europe/Tallinn'],
  ['MBA', 'ESWATINI, MBABANE', 'ESWATINI', 'MBABANE', 'Mbabane, Eswatini', 'Africa/Mbabane'],
  ['ADD', 'ETHIOPIA, ADDIS ABABA', 'ETHIOPIA', 'ADDIS ABABA', 'Addis Ababa, Ethiopia', 'Africa/Addis_Ababa'],
  ['SUV', 'FIJI, SUVA', 'FIJI', 'SUVA', 'Suva, Fiji', 'Pacific/Fiji'],
  ['HLS', 'FINLAND, HELSINKI', 'FINLAND', 'HELSINKI', 'Helsinki, Finland', 'Europe/Helsinki'],
  ['PRS', 'FRANCE, PARIS', 'FRANCE', 'PARIS', 'Paris, France', 'Europe/Paris'],
  ['LIB', 'GABON, LIBREVILLE', 'GABON', 'LIBREVILLE', 'Libreville, Gabon', 'Africa/Libreville'],
  ['BAN', 'GAMBIA, BANJUL', 'GAMBIA', 'BANJUL', 'Banjul, Gambia', 'Africa/Banjul'],
  ['TBL', 'GEORGIA, TBILISI', 'GEORGIA', 'TBILISI', 'Tbilisi, Georgia', 'Asia/Tbilisi'],
  ['BRL', 'GERMANY, BERLIN', 'GERMANY', 'BERLIN', 'Berlin, Germany', 'Europe/Berlin'],
  ['FRN', 'GERMANY, FRANKFURT', 'GERMANY', 'FRANKFURT', 'Frankfurt, Germany', 'Europe/Berlin'],
  ['MUN', 'GERMANY, MUNICH', 'GERMANY', 'MUNICH', 'Munich, Germany', 'Europe/Berlin'],
  ['ACC', 'GHANA, ACCRA', 'GHANA', 'ACCRA', 'Accra, Ghana', 'Africa/Accra'],
  ['ATH', 'GREECE, ATHENS', 'GREECE', 'ATHENS', 'Athens, Greece', 'Europe/Athens'],
  ['GTM', 'GUATEMALA, GUATEMALA CITY', 'GUATEMALA', 'GUATEMALA CITY', 'Guatemala City, Guatemala', 'America/Guatemala'],
  ['CRY', 'GUINEA, CONAKRY', 'GUINEA', 'CONAKRY', 'Conakry, Guinea', 'Africa/Conakry'],
  ['GEO', 'GUYANA, GEORGETOWN', 'GUYANA', 'GEORGETOWN', 'Georgetown, Guyana', 'America/Guyana'],
  ['PTP', 'HAITI, PORT-AU-PRINCE', 'HAITI', 'PORT-AU-PRINCE', 'Port-au-Prince, Haiti', 'America/Port-au-Prince'],
  ['TGG', 'HONDURAS, TEGUCIGALPA', 'HONDURAS', 'TEGUCIGALPA', 'Tegucigalpa, Honduras', 'America/Tegucigalpa'],
  ['HNK', 'HONG KONG', 'HONG KONG', 'HONG KONG', 'Hong Kong', 'Asia/Hong_Kong'],
  ['BDP', 'HUNGARY, BUDAPEST', 'HUNGARY', 'BUDAPEST', 'Budapest, Hungary', 'Europe/Budapest'],
  ['RKJ', 'ICELAND, REYKJAVIK', 'ICELAND', 'REYKJAVIK', 'Reykjavik, Iceland', 'Atlantic/Reykjavik'],
  ['MDR', 'INDIA, CHENNAI', 'INDIA', 'CHENNAI', 'Chennai, India', 'Asia/Kolkata'],
  ['HYD', 'INDIA, HYDERABAD', 'INDIA', 'HYDERABAD', 'Hyderabad, India', 'Asia/Kolkata'],
  ['CLC', 'INDIA, KOLKATA', 'INDIA', 'KOLKATA', 'Kolkata, India', 'Asia/Kolkata'],
  ['BMB', 'INDIA, MUMBAI', 'INDIA', 'MUMBAI', 'Mumbai, India', 'Asia/Kolkata'],
  ['NWD', 'INDIA, NEW DELHI', 'INDIA', 'NEW DELHI', 'New Delhi, India', 'Asia/Kolkata'],
  ['JAK', 'INDONESIA, JAKARTA', 'INDONESIA', 'JAKARTA', 'Jakarta, Indonesia', 'Asia/Jakarta'],
  ['SRB', 'INDONESIA, SURABAYA', 'INDONESIA', 'SURABAYA', 'Surabaya, Indonesia', 'Asia/Jakarta'],
  ['BGH', 'IRAQ, BAGHDAD', 'IRAQ', 'BAGHDAD', 'Baghdad, Iraq', 'Asia/Baghdad'],
  ['ERB', 'IRAQ, ERBIL', 'IRAQ', 'ERBIL', 'Erbil, Iraq', 'Asia/Baghdad'],
  ['DBL', 'IRELAND, DUBLIN', 'IRELAND', 'DUBLIN', 'Dublin, Ireland', 'Europe/Dublin'],
  ['TLV', 'ISRAEL, TEL AVIV', 'ISRAEL', 'TEL AVIV', 'Tel Aviv, Israel', 'Asia/Jerusalem'],
  ['FLR', 'ITALY, FLORENCE', 'ITALY', 'FLORENCE', 'Florence, Italy', 'Europe/Rome'],
  ['MLN', 'ITALY, MILAN', 'ITALY', 'MILAN', 'Milan, Italy', 'Europe/Rome'],
  ['NPL', 'ITALY, NAPLES', 'ITALY', 'NAPLES', 'Naples, Italy', 'Europe/Rome'],
  ['RME', 'ITALY, ROME', 'ITALY', 'ROME', 'Rome, Italy', 'Europe/Rome'],
  ['KNG', 'JAMAICA, KINGSTON', 'JAMAICA', 'KINGSTON', 'Kingston, Jamaica', 'America/Jamaica'],
  ['FKK', 'JAPAN, FUKUOKA', 'JAPAN', 'FUKUOKA', 'Fukuoka, Japan', 'Asia/Tokyo'],
  ['NHA', 'JAPAN, NAHA', 'JAPAN', 'NAHA', 'Naha, Japan', 'Asia/Tokyo'],
  ['KBO', 'JAPAN, OSAKA', 'JAPAN', 'OSAKA', 'Osaka, Japan', 'Asia/Tokyo'],
  ['SPP', 'JAPAN, SAPPORO', 'JAPAN', 'SAPPORO', 'Sapporo, Japan', 'Asia/Tokyo'],
  ['TKY', 'JAPAN, TOKYO', 'JAPAN', 'TOKYO', 'Tokyo, Japan', 'Asia/Tokyo'],
  ['JRS', 'JERUSALEM', 'JERUSALEM', 'JERUSALEM', 'Jerusalem', 'Asia/Jerusalem'],
  ['AMM', 'JORDAN, AMMAN', 'JORDAN', 'AMMAN', 'Amman, Jordan', 'Asia/Amman'],
  ['ATA', 'KAZAKHSTAN, ALMATY', 'KAZAKHSTAN', 'ALMATY', 'Almaty, Kazakhstan', 'Asia/Almaty'],
  ['AST', 'KAZAKHSTAN, ASTANA', 'KAZAKHSTAN', 'ASTANA', 'Astana, Kazakhstan', 'Asia/Almaty'],
  ['NRB', 'KENYA, NAIROBI', 'KENYA', 'NAIROBI', 'Nairobi, Kenya', 'Africa/Nairobi'],
  ['PRI', 'KOSOVO, PRISTINA', 'KOSOVO', 'PRISTINA', 'Pristina, Kosovo', 'Europe/Belgrade'],
  ['KWT', 'KUWAIT, KUWAIT CITY', 'KUWAIT', 'KUWAIT CITY', 'Kuwait City, Kuwait', 'Asia/Kuwait'],
  ['BKK', 'KYRGYZSTAN, BISHKEK', 'KYRGYZSTAN', 'BISHKEK', 'Bishkek, Kyrgyzstan', 'Asia/Bishkek'],
  ['VNT', 'LAOS, VIENTIANE', 'LAOS', 'VIENTIANE', 'Vientiane, Laos', 'Asia/Vientiane'],
  ['RGA', 'LATVIA, RIGA', 'LATVIA', 'RIGA', 'Riga, Latvia', 'Europe/Riga'],
  ['BRT', 'LEBANON, BEIRUT', 'LEBANON', 'BEIRUT', 'Beirut, Lebanon', 'Asia/Beirut'],
  ['MAS', 'LESOTHO, MASERU', 'LESOTHO', 'MASERU', 'Maseru, Lesotho', 'Africa/Maseru'],
  ['MRV', 'LIBERIA, MONROVIA', 'LIBERIA', 'MONROVIA', 'Monrovia, Liberia', 'Africa/Monrovia'],
  ['VIL', 'LITHUANIA, VILNIUS', 'LITHUANIA', 'VILNIUS', 'Vilnius, Lithuania', 'Europe/Vilnius'],
  ['LXM', 'LUXEMBOURG, LUXEMBOURG', 'LUXEMBOURG', 'LUXEMBOURG', 'Luxembourg, Luxembourg', 'Europe/Luxembourg'],
  ['ANT', 'MADAGASCAR, ANTANANARIVO', 'MADAGASCAR', 'ANTANANARIVO', 'Antananarivo, Madagascar', 'Indian/Antananarivo'],
  ['LIL', 'MALAWI, LILONGWE', 'MALAWI', 'LILONGWE', 'Lilongwe, Malawi', 'Africa/Blantyre'],
  ['KLL', 'MALAYSIA, KUALA LUMPUR', 'MALAYSIA', 'KUALA LUMPUR', 'Kuala Lumpur, Malaysia', 'Asia/Kuala_Lumpur'],
  ['BAM', 'MALI, BAMAKO', 'MALI', 'BAMAKO', 'Bamako, Mali', 'Africa/Bamako'],
  ['VLL', 'MALTA, VALLETTA', 'MALTA', 'VALLETTA', 'Valletta, Malta', 'Europe/Malta'],
  ['MAJ', 'MARSHALL ISLANDS, MAJURO', 'MARSHALL ISLANDS', 'MAJURO', 'Majuro, Marshall Islands', 'Pacific/Majuro'],
  ['NUK', 'MAURITANIA, NOUAKCHOTT', 'MAURITANIA', 'NOUAKCHOTT', 'Nouakchott, Mauritania', 'Africa/Nouakchott'],
  ['PTL', 'MAURITIUS, PORT LOUIS', 'MAURITIUS', 'PORT LOUIS', 'Port Louis, Mauritius', 'Indian/Mauritius'],
  ['CDJ', 'MEXICO, CIUDAD JUAREZ', 'MEXICO', 'CIUDAD JUAREZ', 'Ciudad Juarez, Mexico', 'America/Ciudad_Juarez'],
  ['GDL', 'MEXICO, GUADALAJARA', 'MEXICO', 'GUADALAJARA', 'Guadalajara, Mexico', 'America/Mexico_City'],
  ['HER', 'MEXICO, HERMOSILLO', 'MEXICO', 'HERMOSILLO', 'Hermosillo, Mexico', 'America/Hermosillo'],
  ['MTM', 'MEXICO, MATAMOROS', 'MEXICO', 'MATAMOROS', 'Matamoros, Mexico', 'America/Matamoros'],
  ['MER', 'MEXICO, MERIDA', 'MEXICO', 'MERIDA', 'Merida, Mexico', 'America/Merida'],
  ['MEX', 'MEXICO, MEXICO CITY', 'MEXICO', 'MEXICO CITY', 'Mexico City, Mexico', 'America/Mexico_City'],
  ['MTR', 'MEXICO, MONTERREY', 'MEXICO', 'MONTERREY', 'Monterrey, Mexico', 'America/Monterrey'],
  ['NGL', 'MEXICO, NOGALES', 'MEXICO', 'NOGALES', 'Nogales, Mexico', 'America/Hermosillo'],
  ['NVL', 'MEXICO, NUEVO LAREDO', 'MEXICO', 'NUEVO LAREDO', 'Nuevo Laredo, Mexico', 'America/Matamoros'],
  ['TJT', 'MEXICO, TIJUANA', 'MEXICO', 'TIJUANA', 'Tijuana, Mexico', 'America/Tijuana'],
  ['KOL', 'MICRONESIA, KOLONIA', 'MICRONESIA', 'KOLONIA', 'Kolonia, Micronesia', 'Pacific/Pohnpei'],
  ['CHS', 'MOLDOVA, CHISINAU', 'MOLDOVA', 'CHISINAU', 'Chisinau, Moldova', 'Europe/Chisinau'],
  ['ULN', 'MONGOLIA, ULAANBAATAR', 'MONGOLIA', 'ULAANBAATAR', 'Ulaanbaatar, Mongolia', 'Asia/Ulaanbaatar'],
  ['POD', 'MONTENEGRO, PODGORICA', 'MONTENEGRO', 'PODGORICA', 'Podgorica, Montenegro', 'Europe/Podgorica'],
  ['CSB', 'MOROCCO, CASABLANCA', 'MOROCCO', 'CASABLANCA', 'Casablanca, Morocco', 'Africa/Casablanca'],
  ['MAP', 'MOZAMBIQUE, MAPUTO', 'MOZAMBIQUE', 'MAPUTO', 'Maputo, Mozambique', 'Africa/Maputo'],
  ['WHK', 'NAMIBIA, WINDHOEK', 'NAMIBIA', 'WINDHOEK', 'Windhoek, Namibia', 'Africa/Windhoek'],
  ['KDU', 'NEPAL, KATHMANDU', 'NEPAL', 'KATHMANDU', 'Kathmandu, Nepal', 'Asia/Kathmandu'],
  ['AMS', 'NETHERLANDS, AMSTERDAM', 'NETHERLANDS', 'AMSTERDAM', 'Amsterdam, Netherlands', 'Europe/Amsterdam'],
  ['USN', 'NEW YORK, NY - USA', 'UNITED STATES', 'NEW YORK', 'New York, USA', 'America/New_York'],
  ['ACK', 'NEW ZEALAND, AUCKLAND', 'NEW ZEALAND', 'AUCKLAND', 'Auckland, New Zealand', 'Pacific/Auckland'],
  ['MNG', 'NICARAGUA, MANAGUA', 'NICARAGUA', 'MANAGUA', 'Managua, Nicaragua', 'America/Managua'],
  ['NMY', 'NIGER, NIAMEY', 'NIGER', 'NIAMEY', 'Niamey, Niger', 'Africa/Niamey'],
  ['ABU', 'NIGERIA, ABUJA', 'NIGERIA', 'ABUJA', 'Abuja, Nigeria', 'Africa/Lagos'],
  ['LGS', 'NIGERIA, LAGOS', 'NIGERIA', 'LAGOS', 'Lagos, Nigeria', 'Africa/Lagos'],
  ['SKO', 'NORTH MACEDONIA, SKOPJE', 'NORTH MACEDONIA', 'SKOPJE', 'Skopje, North Macedonia', 'Europe/Skopje'],
  ['BLF', 'NORTHERN IRELAND, BELFAST', 'NORTHERN IRELAND', 'BELFAST', 'Belfast, Northern Ireland', 'Europe/London'],
  ['OSL', 'NORWAY, OSLO', 'NORWAY', 'OSLO', 'Oslo, Norway', 'Europe/Oslo'],
  ['MST', 'OMAN, MUSCAT', 'OMAN', 'MUSCAT', 'Muscat, Oman', 'Asia/Muscat'],
  ['ISL', 'PAKISTAN, ISLAMABAD', 'PAKISTAN', 'ISLAMABAD', 'Islamabad, Pakistan', 'Asia/Karachi'],
  ['KRC', 'PAKISTAN, KARACHI', 'PAKISTAN', 'KARACHI', 'Karachi, Pakistan', 'Asia/Karachi'],
  ['KOR', 'PALAU, KOROR', 'PALAU', 'KOROR', 'Koror, Palau', 'Pacific/Palau'],
  ['PNM', 'PANAMA, PANAMA CITY', 'PANAMA', 'PANAMA CITY', 'Panama City, Panama', 'America/Panama'],
  [
    'PTM',
    'PAPUA NEW GUINEA, PORT MORESBY',
    'PAPUA NEW GUINEA',
    'PORT MORESBY',
    'Port Moresby, Papua New Guinea',
    'Pacific/Port_Moresby',
  ],
  ['ASN', 'PARAGUAY, ASUNCION', 'PARAGUAY', 'ASUNCION', 'Asuncion, Paraguay', 'America/Asuncion'],
  ['LMA', 'PERU, LIMA', 'PERU', 'LIMA', 'Lima, Peru', 'America/Lima'],
  ['MNL', 'PHILIPPINES, MANILA', 'PHILIPPINES', 'MANILA', 'Manila, Philippines', 'Asia/Manila'],
  ['KRK', 'POLAND, KRAKOW', 'POLAND', 'KRAKOW', 'Krakow, Poland', 'Europe/Warsaw'],
  ['WRW', 'POLAND, WARSAW', 'POLAND', 'WARSAW', 'Warsaw, Poland', 'Europe/Warsaw'],
  ['LSB', 'PORTUGAL, LISBON', 'PORTUGAL', 'LISBON', 'Lisbon, Portugal', 'Europe/Lisbon'],
  ['DOH', 'QATAR, DOHA', 'QATAR', 'DOHA', 'Doha, Qatar', 'Asia/Qatar'],
  ['BCH', 'ROMANIA, BUCHAREST', 'ROMANIA', 'BUCHAREST', 'Bucharest, Romania', 'Europe/Bucharest'],
  ['MOS', 'RUSSIA, MOSCOW', 'RUSSIA', 'MOSCOW', 'Moscow, Russia', 'Europe/Moscow'],
  ['VLA', 'RUSSIA, VLADIVOSTOK', 'RUSSIA', 'VLADIVOSTOK', 'Vladivostok, Russia', 'Asia/Vladivostok'],
  ['YEK', 'RUSSIA, YEKATERINBURG', 'RUSSIA', 'YEKATERINBURG', 'Yekaterinburg, Russia', 'Asia/Yekaterinburg'],
  ['KGL', 'RWANDA, KILGALI', 'RWANDA', 'KILGALI', 'Kigali, Rwanda', 'Africa/Kigali'],
  ['APA', 'SAMOA, APIA', 'SAMOA', 'APIA', 'Apia, Samoa', 'Pacific/Apia'],
  ['DHR', 'SAUDI ARABIA, DHAHRAN', 'SAUDI ARABIA', 'DHAHRAN', 'Dhahran, Saudi Arabia', 'Asia/Riyadh'],
  ['JDD', 'SAUDI ARABIA, JEDDAH', 'SAUDI ARABIA', 'JEDDAH', 'Jeddah, Saudi Arabia', 'Asia/Riyadh'],
  ['RID', 'SAUDI ARABIA, RIYADH', 'SAUDI ARABIA', 'RIYADH', 'Riyadh, Saudi Arabia', 'Asia/Riyadh'],
  ['DKR', 'SENEGAL, DAKAR', 'SENEGAL', 'DAKAR', 'Dakar, Senegal', 'Africa/Dakar'],
  ['BLG', 'SERBIA, BELGRADE', 'SERBIA', 'BELGRADE', 'Belgrade, Serbia', 'Europe/Belgrade'],
  ['FTN', 'SIERRA LEONE, FREETOWN', 'SIERRA LEONE', 'FREETOWN', 'Freetown, Sierra Leone', 'Africa/Freetown'],
  ['SGP', 'SINGAPORE, SINGAPORE', 'SINGAPORE', 'SINGAPORE', 'Singapore, Singapore', 'Asia/Singapore'],
  ['BTS', 'SLOVAKIA, BRATISLAVA', 'SLOVAKIA', 'BRATISLAVA', 'Bratislava, Slovakia', 'Europe/Bratislava'],
  ['LJU', 'SLOVENIA, LJUBLJANA', 'SLOVENIA', 'LJUBLJANA', 'Ljubljana, Slovenia', 'Europe/Ljubljana'],
  ['CPT', 'SOUTH AFRICA, CAPE TOWN', 'SOUTH AFRICA', 'CAPE TOWN', 'Cape Town, South Africa', 'Africa/Johannesburg'],
  ['DRB', 'SOUTH AFRICA, DURBAN', 'SOUTH AFRICA', 'DURBAN', 'Durban, South Africa', 'Africa/Johannesburg'],
  [
    'JHN',
    'SOUTH AFRICA, JOHANNESBURG',
    'SOUTH AFRICA',
    'JOHANNESBURG',
    'Johannesburg, South Africa',
    'Africa/Johannesburg',
  ],
  ['SEO', 'SOUTH KOREA, SEOUL', 'SOUTH KOREA', 'SEOUL', 'Seoul, South Korea', 'Asia/Seoul'],
  ['JBA', 'SOUTH SUDAN, JUBA', 'SOUTH SUDAN', 'JUBA', 'Juba, South Sudan', 'Africa/Juba'],
  ['MDD', 'SPAIN, MADRID', 'SPAIN', 'MADRID', 'Madrid, Spain', 'Europe/Madrid'],
  ['CLM', 'SRI LANKA, COLOMBO', 'SRI LANKA', 'COLOMBO', 'Colombo, Sri Lanka', 'Asia/Colombo'],
  ['KHT', 'SUDAN, KHARTOUM', 'SUDAN', 'KHARTOUM', 'Khartoum, Sudan', 'Africa/Khartoum'],
  ['PRM', 'SURINAME, PARAMARIBO', 'SURINAME', 'PARAMARIBO', 'Paramaribo, Suriname', 'America/Paramaribo'],
  ['STK', 'SWEDEN, STOCKHOLM', 'SWEDEN', 'STOCKHOLM', 'Stockholm, Sweden', 'Europe/Stockholm'],
  ['BEN', 'SWITZERLAND, BERN', 'SWITZERLAND', 'BERN', 'Bern, Switzerland', 'Europe/Zurich'],
  ['TAI', 'TAIWAN, TAIPEI', 'TAIWAN', 'TAIPEI', 'Taipei, Taiwan', 'Asia/Taipei'],
  ['DHB', 'TAJIKISTAN, DUSHANBE', 'TAJIKISTAN', 'DUSHANBE', 'Dushanbe, Tajikistan', 'Asia/Dushanbe'],
  ['DRS', 'TANZANIA, DAR ES SALAAM', 'TANZANIA', 'DAR ES SALAAM', 'Dar es Salaam, Tanzania', 'Africa/Dar_es_Salaam'],
  ['BNK', 'THAILAND, BANGKOK', 'THAILAND', 'BANGKOK', 'Bangkok, Thailand', 'Asia/Bangkok'],
  ['CHN', 'THAILAND, CHIANG MAI', 'THAILAND', 'CHIANG MAI', 'Chiang Mai, Thailand', 'Asia/Bangkok'],
  ['DIL', 'TIMOR LESTE, DILI', 'TIMOR LESTE', 'DILI', 'Dili, Timor-Leste', 'Asia/Dili'],
  ['LOM', 'TOGO, LOME', 'TOGO', 'LOME', 'Lome, Togo', 'Africa/Lome'],
  ['PTS', 'TRINIDAD, PORT OF SPAIN', 'TRINIDAD', 'PORT OF SPAIN', 'Port of Spain, Trinidad', 'America/Port_of_Spain'],
  ['TNS', 'TUNISIA, TUNIS', 'TUNISIA', 'TUNIS', 'Tunis, Tunisia', 'Africa/Tunis'],
  ['ANK', 'TURKEY, ANKARA', 'TURKEY', 'ANKARA', 'Ankara, Turkey', 'Europe/Istanbul'],
  ['IST', 'TURKEY, ISTANBUL', 'TURKEY', 'ISTANBUL', 'Istanbul, Turkey', 'Europe/Istanbul'],
  ['AKD', 'TURKMENISTAN, ASHGABAT', 'TURKMENISTAN', 'ASHGABAT', 'Ashgabat, Turkmenistan', 'Asia/Ashgabat'],
  ['USA', 'U.S. - DOMESTIC', 'UNITED STATES', 'DOMESTIC', 'U.S. Domestic', 'America/New_York'],
  ['KMP', 'UGANDA, KAMPALA', 'UGANDA', 'KAMPALA', 'Kampala, Uganda', 'Africa/Kampala'],
  ['KEV', 'UKRAINE, KYIV', 'UKRAINE', 'KYIV', 'Kyiv, Ukraine', 'Europe/Kyiv'],
  [
    'ABD',
    'UNITED ARAB EMIRATES, ABU DHABI',
    'UNITED ARAB EMIRATES',
    'ABU DHABI',
    'Abu Dhabi, United Arab Emirates',
    'Asia/Dubai',
  ],
  ['DUB', 'UNITED ARAB EMIRATES, DUBAI', 'UNITED ARAB EMIRATES', 'DUBAI', 'Dubai, United Arab Emirates', 'Asia/Dubai'],
  ['MTV', 'URUGUAY, MONTEVIDEO', 'URUGUAY', 'MONTEVIDEO', 'Montevideo, Uruguay', 'America/Montevideo'],
  ['THT', 'UZBEKISTAN, TASHKENT', 'UZBEKISTAN', 'TASHKENT', 'Tashkent, Uzbekistan', 'Asia/Tashkent'],
  ['HAN', 'VIETNAM, HANOI', 'VIETNAM', 'HANOI', 'Hanoi, Vietnam', 'Asia/Ho_Chi_Minh'],
  ['HCM', 'VIETNAM, HO CHI MINH CITY', 'VIETNAM', 'HO CHI MINH CITY', 'Ho Chi Minh City, Vietnam', 'Asia/Ho_Chi_Minh'],
  ['DPT', 'WASHINGTON, DC - USA', 'UNITED STATES', 'WASHINGTON, DC', 'Washington, DC, USA', 'America/New_York'],
  ['LUS', 'ZAMBIA, LUSAKA', 'ZAMBIA', 'LUSAKA', 'Lusaka, Zambia', 'Africa/Lusaka'],
  ['HRE', 'ZIMBABWE, HARARE', 'ZIMBABWE', 'HARARE', 'Harare, Zimbabwe', 'Africa/Harare'],
];

export const LOCATIONS: readonly Location[] = ROWS.map(([code, name, country, city, displayName, timeZone]) => ({
  code,
  name,
  country,
  city,
  displayName,
  timeZone,
}));

/** Other names people use for a post's city or country (old names, CEAC typos corrected, short forms). */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  RNG: ['yangon', 'myanmar'],
  KGL: ['kigali'],
  ABJ: ["cote d'ivoire", 'ivory coast'],
  NDJ: ['ndjamena'],
  BMB: ['bombay'],
  MDR: ['madras'],
  CLC: ['calcutta'],
  NWD: ['delhi'],
  HCM: ['saigon', 'ho chi minh'],
  KEV: ['kiev'],
  AST: ['nur-sultan', 'nur sultan'],
  TAI: ['american institute in taiwan'],
  PRG: ['czechia'],
  SKO: ['macedonia'],
  DPT: ['washington', 'washington dc'],
  USA: ['domestic', 'us domestic'],
  HNK: ['macau'],
};

/** Lower case, no accents or punctuation, single spaces: "Côte d`Ivoire" -> "cote d ivoire". */
function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[`'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that name the kind of post, not the place: "U.S. Consulate General Mumbai" -> "mumbai". */
const POST_PREFIX =
  /^(?:the )?(?:u s |us |united states |american )?(?:embassy|consulate general|consulate|consular section|mission)(?: of the united states| of the us)?(?: in| at| to)? /;

interface Keys {
  code: string;
  name: string;
  display: string;
  city: string;
  country: string;
  aliases: string[];
}

let keyCache: Map<Location, Keys> | undefined;
function keysOf(loc: Location): Keys {
  keyCache ??= new Map(
    LOCATIONS.map((l) => [
      l,
      {
        code: l.code.toLowerCase(),
        name: normalise(l.name),
        display: normalise(l.displayName),
        city: normalise(l.city),
        country: normalise(l.country),
        aliases: (ALIASES[l.code] ?? []).map(normalise),
      },
    ]),
  );
  return keyCache.get(loc)!;
}

/** How well a location answers a query, 0 for not at all. Exact answers score 100 and up. */
function score(loc: Location, q: string): number {
  const k = keysOf(loc);
  if (q === k.code) return 130;
  if (q === k.name || q === k.display) return 120;
  if (q === k.city || k.aliases.includes(q)) return 110;
  if (q === `${k.city} ${k.country}` || q === `${k.country} ${k.city}`) return 110;
  if (q === k.country) return 100;
  if (k.city.startsWith(q) || k.aliases.some((a) => a.startsWith(q))) return 60;
  if (k.country.startsWith(q)) return 50;
  if (k.display.includes(q) || k.name.includes(q)) return 30;
  return 0;
}

function cleanQuery(query: string): string {
  const q = normalise(query);
  const stripped = q.replace(POST_PREFIX, '');
  return stripped || q;
}

/**
 * The one post a query names: a code ("BMB"), CEAC's name ("INDIA, MUMBAI"), a city ("Mumbai"),
 * a display name ("Mumbai, India"), a post name ("U.S. Consulate General Mumbai"), or a country with
 * a single post ("Kenya"). Any case or spacing. Undefined when unknown or when several posts fit
 * equally well ("India").
 */
export function findLocation(query: string): Location | undefined {
  const q = cleanQuery(query);
  if (!q) return undefined;
  let best: Location | undefined;
  let bestScore = 0;
  let tie = false;
  for (const loc of LOCATIONS) {
    const s = score(loc, q);
    if (s > bestScore) {
      best = loc;
      bestScore = s;
      tie = false;
    } else if (s === bestScore && s > 0) {
      tie = true;
    }
  }
  // Only exact answers count: a prefix ("Mum") is a search, not a choice.
  if (!best || bestScore < 100 || tie) return undefined;
  return best;
}

/** Posts matching a query, best first (code, exact names, then prefixes and substrings). */
export function searchLocations(query: string, limit = 10): Location[] {
  const q = cleanQuery(query);
  if (!q || limit <= 0) return [];
  return LOCATIONS.map((loc) => ({ loc, s: score(loc, q) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.loc.displayName.localeCompare(b.loc.displayName))
    .slice(0, limit)
    .map((x) => x.loc);
}

const BY_CODE = new Map(LOCATIONS.map((l) => [l.code, l]));

/** The post with this exact CEAC code (case-insensitive). */
export function locationByCode(code: string): Location | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}
