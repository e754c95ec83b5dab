-- Seed data for `testdb`: 60 customers, 150 orders, their items, and sensitive data for 50
-- customers. Deterministic: the same rows every run. All of it is fake: e-mail domains are
-- example.* or .test, phone numbers are in reserved fictional ranges where a country has one,
-- SSNs are random-looking but invented, and card numbers are the card networks' public test numbers.

INSERT INTO customers (id, name, email, phone, address, region, created_at)
SELECT v.id, v.name, v.email, v.phone, v.address, v.region,
       timestamptz '2023-01-09 08:00:00+00' + v.id * interval '4 days 6 hours 13 minutes'
FROM (VALUES
    ( 1, 'Maria Garcia',       'maria.garcia@example.com',          '+1 415-555-0134',    '742 Evergreen Terrace, Springfield, OR 97477, USA',              'west'),
    ( 2, 'James Smith',        'jsmith@example.org',                '(212) 555-0187',     '350 Fifth Avenue, New York, NY 10118, USA',                      'east'),
    ( 3, 'Oliver Bennett',     'oliver.bennett@mail.example.co.uk', '+44 20 7946 0958',   '221B Baker Street, London NW1 6XE, UK',                          'north'),
    ( 4, 'José Hernández',     'jose.hernandez@correo.example.es',  '+34 912 345 678',    'Calle de Alcalá 48, 28014 Madrid, Spain',                        'south'),
    ( 5, 'Zoë Fairbanks',      'zoe.fairbanks@example.net',         '+1 312.555.0199',    '1060 W Addison St, Chicago, IL 60613, USA',                      'north'),
    ( 6, 'Søren Mikkelsen',    'soren.mikkelsen@post.example.dk',   '+45 32 12 34 56',    'Nørregade 12, 1165 København K, Denmark',                        'north'),
    ( 7, 'Aiko Tanaka',        'aiko.tanaka@example.jp',            '+81 3-1234-5678',    '1-1-2 Oshiage, Sumida-ku, Tokyo 131-0045, Japan',                'east'),
    ( 8, 'Chloé Dubois',       'chloe.dubois@courriel.example.fr',  '+33 1 23 45 67 89',  '12 Rue de Rivoli, 75004 Paris, France',                          'west'),
    ( 9, 'Lukas Müller',       'lukas.mueller@example.de',          '+49 30 9018 2000',   'Unter den Linden 77, 10117 Berlin, Germany',                     'north'),
    (10, 'Priya Raman',        'priya.raman@example.in',            '+91 98765 43210',    '14 MG Road, Bengaluru 560001, India',                            'south'),
    (11, 'Ngozi Okonkwo',      'ngozi.okonkwo@inbox.test',          '+234 803 123 4567',  '25 Awolowo Road, Ikoyi, Lagos, Nigeria',                         'south'),
    (12, 'Liam O''Connor',     'liam.oconnor@example.ie',           '+353 1 234 5678',    '8 Grafton Street, Dublin 2, D02 VF65, Ireland',                  'west'),
    (13, 'Wei Zhang',          'wei.zhang@example.cn',              '+86 10 6552 9988',   '88 Jianguo Road, Chaoyang District, Beijing 100022, China',      'east'),
    (14, 'Fatima Al-Sayed',    'fatima.alsayed@example.ae',         '+971 4 123 4567',    'Sheikh Zayed Road 1, Dubai, United Arab Emirates',               'south'),
    (15, 'Björn Andersson',    'bjorn.andersson@example.se',        '+46 8 123 456 78',   'Drottninggatan 53, 111 21 Stockholm, Sweden',                    'north'),
    (16, 'Emily Johnson',      'emily.j@fastmail.test',             '646-555-0123',       '1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA',           'west'),
    (17, 'Mateo Rossi',        'mateo.rossi@example.it',            '+39 06 1234 5678',   'Via del Corso 101, 00186 Roma, Italy',                           'south'),
    (18, 'Anna Kowalska',      'anna.kowalska@poczta.example.pl',   '+48 22 123 45 67',   'ul. Marszałkowska 84, 00-514 Warszawa, Poland',                  'east'),
    (19, 'Łukasz Wiśniewski',  'lukasz.wisniewski@example.pl',      '+48 601 234 567',    'ul. Floriańska 15, 31-019 Kraków, Poland',                       'east'),
    (20, 'Sofia Petrova',      'sofia.petrova@example.bg',          '+359 2 987 6543',    'bul. Vitosha 45, 1000 Sofia, Bulgaria',                          'east'),
    (21, 'Noah Williams',      'noah.williams@example.com',         '(415) 555-0172',     '2300 Mission St, San Francisco, CA 94110, USA',                  'west'),
    (22, 'Ava Brown',          'ava.brown@globex.test',             '+1 (617) 555-0148',  '77 Massachusetts Ave, Cambridge, MA 02139, USA',                 'east'),
    (23, 'Lucas Silva',        'lucas.silva@example.com.br',        '+55 11 91234-5678',  'Avenida Paulista 1578, São Paulo, SP 01310-200, Brazil',        'south'),
    (24, 'Isabella Martínez',  'isabella.martinez@example.mx',      '+52 55 1234 5678',   'Paseo de la Reforma 222, Juárez, 06600 Ciudad de México, Mexico', 'south'),
    (25, 'Ethan Davis',        'ethan.davis@example.net',           '303.555.0114',       '1701 Wynkoop St, Denver, CO 80202, USA',                         'west'),
    (26, 'Mia Wilson',         'mia.wilson@example.com.au',         '+61 2 9876 5432',    '5 Macquarie Street, Sydney NSW 2000, Australia',                 'south'),
    (27, 'Hiroshi Sato',       'hiroshi.sato@example.jp',           '+81 6-6345-6789',    '3-1-1 Umeda, Kita-ku, Osaka 530-0001, Japan',                    'east'),
    (28, 'Amara Nwosu',        'amara.nwosu@acme-corp.test',        '+44 161 496 0754',   '14 Deansgate, Manchester M3 2BW, UK',                            'north'),
    (29, 'Daniel Cohen',       'daniel.cohen@example.co.il',        '+972 3-123-4567',    '50 Rothschild Blvd, Tel Aviv 6688314, Israel',                   'west'),
    (30, 'Elena Popescu',      'elena.popescu@example.ro',          '+40 21 123 4567',    'Calea Victoriei 120, București 010093, Romania',                 'east'),
    (31, 'Benjamin Taylor',    'ben.taylor@example.ca',             '+1 604-555-0163',    '1055 W Georgia St, Vancouver, BC V6E 3P3, Canada',               'west'),
    (32, 'Charlotte Moore',    'charlotte.moore@example.co.nz',     '+64 9 123 4567',     '10 Queen Street, Auckland 1010, New Zealand',                    'south'),
    (33, 'Kwame Mensah',       'kwame.mensah@example.com.gh',       '+233 30 123 4567',   '12 Independence Avenue, Accra, Ghana',                           'south'),
    (34, 'Ingrid Johansen',    'ingrid.johansen@example.no',        '+47 22 12 34 56',    'Karl Johans gate 22, 0159 Oslo, Norway',                         'north'),
    (35, 'Matteo Bianchi',     'matteo.bianchi@example.it',         '+39 02 8765 4321',   'Corso Buenos Aires 33, 20124 Milano, Italy',                     'north'),
    (36, 'Yasmin Haddad',      'yasmin.haddad@inbox.test',          '+961 1 234 567',     'Rue Hamra 45, Beirut, Lebanon',                                  'west'),
    (37, 'Alexander Ivanov',   'a.ivanov@example.org',              '+7 495 123-45-67',   'Tverskaya ulitsa 7, Moscow 125009, Russia',                      'east'),
    (38, 'Grace Lee',          'grace.lee@example.kr',              '+82 2-312-3456',     '110 Sejong-daero, Jung-gu, Seoul 04524, South Korea',            'east'),
    (39, 'Samuel Adeyemi',     'samuel.adeyemi@example.com',        '(718) 555-0156',     '45 Flatbush Ave, Brooklyn, NY 11217, USA',                       'east'),
    (40, 'Olivia Martin',      'olivia.martin@example.net',         '206.555.0177',       '400 Broad St, Seattle, WA 98109, USA',                           'west'),
    (41, 'Jakub Novák',        'jakub.novak@example.cz',            '+420 221 234 567',   'Václavské náměstí 28, 110 00 Praha 1, Czechia',                  'east'),
    (42, 'Camille Laurent',    'camille.laurent@example.fr',        '+33 4 91 12 34 56',  '5 La Canebière, 13001 Marseille, France',                        'south'),
    (43, 'Diego Fernández',    'diego.fernandez@example.com.ar',    '+54 11 4123-4567',   'Avenida Corrientes 1234, C1043 Buenos Aires, Argentina',         'south'),
    (44, 'Hannah Schmidt',     'hannah.schmidt@example.at',         '+43 1 234 5678',     'Kärntner Straße 21, 1010 Wien, Austria',                         'east'),
    (45, 'William Clark',      'will.clark@globex.test',            '312-555-0108',       '233 S Wacker Dr, Chicago, IL 60606, USA',                        'north'),
    (46, 'Nadia Rahman',       'nadia.rahman@example.com.bd',       NULL,                 'House 12, Road 7, Dhanmondi, Dhaka 1205, Bangladesh',            'south'),
    (47, 'Henrik Larsen',      'henrik.larsen@example.dk',          '+45 86 12 34 56',    'Søndergade 20, 8000 Aarhus C, Denmark',                          'north'),
    (48, 'Aaliyah Robinson',   'aaliyah.robinson@example.com',      '(404) 555-0191',     '191 Peachtree St NE, Atlanta, GA 30303, USA',                    'south'),
    (49, 'Sebastián Castro',   'sebastian.castro@example.cl',       '+56 2 2345 6789',    'Avenida Providencia 1208, Santiago, Chile',                      'south'),
    (50, 'Eleanor Wright',     'eleanor.wright@example.co.uk',      '+44 131 496 0321',   '15 Princes Street, Edinburgh EH2 2AN, UK',                       'north'),
    (51, 'Marco Esposito',     'marco.esposito@example.it',         '+39 081 123 4567',   'Via Toledo 256, 80132 Napoli, Italy',                            'south'),
    (52, 'Chen Wei-Ling',      'weiling.chen@example.tw',           '+886 2 2345 6789',   'No. 7, Section 5, Xinyi Road, Taipei 110, Taiwan',               'north'),
    (53, 'Rafael Oliveira',    'rafael.oliveira@example.pt',        '+351 21 123 4567',   'Rua Augusta 100, 1100-053 Lisboa, Portugal',                     'west'),
    (54, 'Sarah Thompson',     'sarah.thompson@fastmail.test',      '+1 512-555-0182',    '600 Congress Ave, Austin, TX 78701, USA',                        'south'),
    (55, 'Jonas Petersen',     'jonas.petersen@example.de',         '+49 40 1234 5678',   'Jungfernstieg 7, 20354 Hamburg, Germany',                        'north'),
    (56, 'Leila Farahani',     'leila.farahani@example.com',        '+1 (310) 555-0137',  '9500 Wilshire Blvd, Beverly Hills, CA 90212, USA',               'west'),
    (57, 'Oscar Lindqvist',    'oscar.lindqvist@example.fi',        '+358 9 1234 5678',   'Mannerheimintie 14, 00100 Helsinki, Finland',                    'north'),
    (58, 'Ifeoma Eze',         'ifeoma.eze@example.org',            NULL,                 'Plot 5 Adeola Odeku Street, Victoria Island, Lagos, Nigeria',    'south'),
    (59, 'Nathan Walker',      'nathan.walker@acme-corp.test',      '503-555-0165',       '1120 NW Couch St, Portland, OR 97209, USA',                      'west'),
    (60, 'Renée Bouchard',     'renee.bouchard@example.ca',         '+1 514-555-0129',    '1001 Rue Sherbrooke O, Montréal, QC H3A 1G5, Canada',            'east')
) AS v (id, name, email, phone, address, region);

-- Customers 58-60 joined last and have not ordered yet. Orders are spread over 2024-2025; the
-- ten most recent are still pending or paid.
INSERT INTO orders (id, customer_id, order_number, amount, status, created_at)
SELECT g,
       1 + (g * 37) % 57,
       'ORD-' || to_char(t.created AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(g::text, 5, '0'),
       0,
       CASE WHEN g > 140 THEN (ARRAY['pending', 'paid'])[1 + g % 2]
            ELSE (ARRAY['delivered', 'delivered', 'delivered', 'shipped', 'shipped', 'paid', 'paid',
                        'pending', 'cancelled', 'refunded'])[1 + (g * 7) % 10]
       END,
       t.created
FROM generate_series(1, 150) AS g
CROSS JOIN LATERAL (SELECT timestamptz '2024-01-04 09:15:00+00' + g * interval '4 days 2 hours 41 minutes') AS t (created);

-- One to four items per order, drawn from a small catalogue; one of each item dearer than 200.
INSERT INTO order_items (order_id, product_name, quantity, unit_price)
SELECT o.id, p.name, CASE WHEN p.price > 200 THEN 1 ELSE 1 + (o.id + n * 3) % 4 END, p.price
FROM orders AS o
CROSS JOIN LATERAL generate_series(1, 1 + (o.id * 5 + o.id / 7) % 7 / 2) AS n
JOIN (VALUES
    ( 0, 'Wireless Mouse',              24.99),
    ( 1, 'Mechanical Keyboard',         89.00),
    ( 2, '27-inch Monitor',            279.99),
    ( 3, 'USB-C Hub',                   39.50),
    ( 4, 'Noise-Cancelling Headphones', 199.00),
    ( 5, 'Laptop Stand',                45.00),
    ( 6, 'Webcam 1080p',                59.99),
    ( 7, 'Desk Lamp',                   32.00),
    ( 8, 'Ergonomic Chair',            349.00),
    ( 9, 'Standing Desk',              499.00),
    (10, 'Portable SSD 1TB',           109.99),
    (11, 'HDMI Cable 2m',               12.49),
    (12, 'Bluetooth Speaker',           74.95),
    (13, 'Phone Case',                  19.99),
    (14, 'Wireless Charger',            29.99),
    (15, 'Notebook A5, dotted',          8.50),
    (16, 'Fountain Pen',                64.00),
    (17, 'Coffee Grinder',             129.00),
    (18, 'Water Bottle',                22.00),
    (19, 'Backpack',                    84.90)
) AS p (idx, name, price) ON p.idx = (o.id * 13 + n * 7) % 20
ORDER BY o.id, n;

UPDATE orders AS o
SET amount = s.total
FROM (SELECT order_id, sum(quantity * unit_price) AS total FROM order_items GROUP BY order_id) AS s
WHERE s.order_id = o.id;

-- Every customer but each sixth one. SSN areas stay within 001-665 (never 000 or 666).
INSERT INTO sensitive_data (customer_id, ssn, credit_card, salary, notes)
SELECT c.id,
       lpad((1 + c.id * 113 % 665)::text, 3, '0') || '-' ||
       lpad((1 + c.id * 37 % 99)::text, 2, '0') || '-' ||
       lpad((1 + c.id * 7919 % 9999)::text, 4, '0'),
       (ARRAY['4111 1111 1111 1111', '4012-8888-8888-1881', '4242424242424242', '5555 5555 5555 4444',
              '5105-1051-0510-5100', '3782 822463 10005', '3714 496353 98431', '6011 1111 1111 1117',
              '6011-0009-9013-9424', '3530 1113 3330 0000', '3566002020360505', '4000 0566 5566 5556',
              '5200 8282 8282 8210', '2223 0031 2200 3222', '6200 0000 0000 0005', '4222222222222',
              '378734493671000'])[1 + c.id % 17],
       round(36000 + (c.id * 7919) % 148000, -2),
       (ARRAY['Prefers contact by email.', 'VIP customer since 2021.', NULL,
              'Requested a GDPR data export on 2024-03-02.', 'Payment plan agreed: three instalments.',
              'Do not call before 10am local time.', NULL, 'Background check completed.',
              'Disputed a charge in 2023, resolved in the customer''s favour.', 'Salary reviewed every April.',
              'Card replaced after reported loss.'])[1 + c.id % 11]
FROM customers AS c
WHERE c.id % 6 <> 0
ORDER BY c.id;

SELECT setval(pg_get_serial_sequence('customers', 'id'), max(id)) FROM customers;
SELECT setval(pg_get_serial_sequence('orders', 'id'), max(id)) FROM orders;

ANALYZE customers, orders, order_items, sensitive_data;
