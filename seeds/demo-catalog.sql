-- The demo catalog: Libya and Djibouti, their municipalities and offices, ten sectors, nine services with their
-- forms and workflows, capital overlays, and the 2026-2027 public holidays, in Arabic, French and English.
-- Idempotent: one DO block that does nothing when the catalog already has a country, so it is safe to run on
-- every start and can be sent as a single statement.
DO $seed$
BEGIN
IF EXISTS (SELECT 1 FROM countries) THEN
    RAISE NOTICE 'catalog already present: demo catalog not loaded';
    RETURN;
END IF;

-- Both public administrations work Sunday to Thursday (weekend Friday-Saturday, ISO 5 and 6). Djibouti: the
-- labour code makes Friday the weekly rest day and some sources list Friday alone; the civil service has worked
-- Sunday-Thursday since 2017 per employer guides. Unverified against a decree: adjust here if it proves wrong.
-- National ids: Libya's national number is 12 digits, the first 1 (male) or 2 (female), then the birth year.
-- Djibouti's NNI (Law 39/AN/19, Decree 2020-150/PR/MI) has a composition we could not read in a primary source:
-- ASSUMED to be 8 to 12 digits with no embedded birth year. Phones: Libyan numbers have 9 national digits
-- (mobiles 91-96, landlines by area code), Djiboutian numbers 8 (mobiles 77, fixed lines 21 in the capital and
-- 27 in the regions, as far as we could tell: widen the pattern if real numbers are refused).
INSERT INTO countries (code, name_ar, name_fr, name_en, time_zone, weekend_days, currency_code, phone_country_code,
                       phone_national_pattern, national_id_pattern, national_id_birth_year_position,
                       national_id_hint_ar, national_id_hint_fr, national_id_hint_en) VALUES
('LY', 'ليبيا', 'Libye', 'Libya', 'Africa/Tripoli', '{5,6}', 'LYD', '218',
 '^(9[1-6][0-9]{7}|[2-8][0-9]{8})$', '^[12](19|20)[0-9]{9}$', 2,
 'الرقم الوطني: 12 رقماً، يبدأ بـ 1 أو 2 ثم سنة الميلاد',
 'Numéro national : 12 chiffres, 1 ou 2 puis l''année de naissance',
 'National number: 12 digits, 1 or 2 then the year of birth'),
('DJ', 'جيبوتي', 'Djibouti', 'Djibouti', 'Africa/Djibouti', '{5,6}', 'DJF', '253',
 '^(77|21|27)[0-9]{6}$', '^[0-9]{8,12}$', NULL,
 'الرقم الوطني للتعريف: من 8 إلى 12 رقماً',
 'Numéro national d''identification (NNI) : 8 à 12 chiffres',
 'National identification number (NNI): 8 to 12 digits');

-- Fixed-date holidays are exact. Islamic holidays (estimated = true) follow the moon: these are the commonly
-- published astronomical estimates (Umm al-Qura style) and may move by a day when the authorities announce them.
-- Libya closes about three days for each Eid (plus the day of Arafat); Djibouti two.
INSERT INTO public_holidays (country_code, holiday_date, name_ar, name_fr, name_en, estimated)
SELECT 'LY', d::date, ar, fr, en, est FROM (VALUES
 ('2026-02-17', 'ذكرى ثورة 17 فبراير', 'Anniversaire de la révolution du 17 février', 'February 17 Revolution Day', false),
 ('2026-03-20', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2026-03-21', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2026-03-22', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2026-05-01', 'عيد العمال', 'Fête du Travail', 'Labour Day', false),
 ('2026-05-26', 'يوم عرفة', 'Jour d''Arafat', 'Day of Arafah', true),
 ('2026-05-27', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2026-05-28', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2026-05-29', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2026-06-16', 'رأس السنة الهجرية', 'Nouvel An de l''Hégire', 'Islamic New Year', true),
 ('2026-08-25', 'المولد النبوي الشريف', 'Mawlid (naissance du Prophète)', 'Mawlid (Prophet''s Birthday)', true),
 ('2026-09-16', 'يوم الشهيد', 'Journée des martyrs', 'Martyrs'' Day', false),
 ('2026-10-23', 'عيد التحرير', 'Jour de la libération', 'Liberation Day', false),
 ('2026-12-24', 'عيد الاستقلال', 'Fête de l''indépendance', 'Independence Day', false),
 ('2027-02-17', 'ذكرى ثورة 17 فبراير', 'Anniversaire de la révolution du 17 février', 'February 17 Revolution Day', false),
 ('2027-03-09', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2027-03-10', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2027-03-11', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2027-05-01', 'عيد العمال', 'Fête du Travail', 'Labour Day', false),
 ('2027-05-15', 'يوم عرفة', 'Jour d''Arafat', 'Day of Arafah', true),
 ('2027-05-16', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2027-05-17', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2027-05-18', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2027-06-05', 'رأس السنة الهجرية', 'Nouvel An de l''Hégire', 'Islamic New Year', true),
 ('2027-08-14', 'المولد النبوي الشريف', 'Mawlid (naissance du Prophète)', 'Mawlid (Prophet''s Birthday)', true),
 ('2027-09-16', 'يوم الشهيد', 'Journée des martyrs', 'Martyrs'' Day', false),
 ('2027-10-23', 'عيد التحرير', 'Jour de la libération', 'Liberation Day', false),
 ('2027-12-24', 'عيد الاستقلال', 'Fête de l''indépendance', 'Independence Day', false)
) AS h (d, ar, fr, en, est)
UNION ALL
SELECT 'DJ', d::date, ar, fr, en, est FROM (VALUES
 ('2026-01-01', 'رأس السنة الميلادية', 'Jour de l''An', 'New Year''s Day', false),
 ('2026-01-16', 'الإسراء والمعراج', 'Isra et Miraj', 'Isra and Mi''raj', true),
 ('2026-03-20', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2026-03-21', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2026-05-01', 'عيد العمال', 'Fête du Travail', 'Labour Day', false),
 ('2026-05-27', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2026-05-28', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2026-06-16', 'رأس السنة الهجرية', 'Nouvel An de l''Hégire', 'Islamic New Year', true),
 ('2026-06-27', 'عيد الاستقلال', 'Fête de l''indépendance', 'Independence Day', false),
 ('2026-06-28', 'عيد الاستقلال', 'Fête de l''indépendance', 'Independence Day', false),
 ('2026-08-25', 'المولد النبوي الشريف', 'Mawlid (naissance du Prophète)', 'Mawlid (Prophet''s Birthday)', true),
 ('2026-12-25', 'عيد الميلاد المجيد', 'Noël', 'Christmas Day', false),
 ('2027-01-01', 'رأس السنة الميلادية', 'Jour de l''An', 'New Year''s Day', false),
 ('2027-01-05', 'الإسراء والمعراج', 'Isra et Miraj', 'Isra and Mi''raj', true),
 ('2027-03-09', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2027-03-10', 'عيد الفطر', 'Aïd el-Fitr', 'Eid al-Fitr', true),
 ('2027-05-01', 'عيد العمال', 'Fête du Travail', 'Labour Day', false),
 ('2027-05-16', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2027-05-17', 'عيد الأضحى', 'Aïd el-Adha', 'Eid al-Adha', true),
 ('2027-06-05', 'رأس السنة الهجرية', 'Nouvel An de l''Hégire', 'Islamic New Year', true),
 ('2027-06-27', 'عيد الاستقلال', 'Fête de l''indépendance', 'Independence Day', false),
 ('2027-06-28', 'عيد الاستقلال', 'Fête de l''indépendance', 'Independence Day', false),
 ('2027-08-14', 'المولد النبوي الشريف', 'Mawlid (naissance du Prophète)', 'Mawlid (Prophet''s Birthday)', true),
 -- Isra and Mi'raj 1449 is expected on Christmas Day 2027: one closed day, both names.
 ('2027-12-25', 'عيد الميلاد المجيد والإسراء والمعراج', 'Noël ; Isra et Miraj', 'Christmas Day; Isra and Mi''raj', true)
) AS h (d, ar, fr, en, est);

-- Tripoli's capital municipalities and Djibouti-ville's three communes carry the capital flag.
INSERT INTO municipalities (code, country_code, name_ar, name_fr, name_en, capital) VALUES
('TRP', 'LY', 'طرابلس المركز', 'Tripoli-Centre', 'Tripoli Centre', true),
('SQJ', 'LY', 'سوق الجمعة', 'Souk el-Joumaa', 'Souq al-Jumaa', true),
('ABS', 'LY', 'أبو سليم', 'Abou Salim', 'Abu Salim', true),
('TAJ', 'LY', 'تاجوراء', 'Tajoura', 'Tajoura', true),
('BEN', 'LY', 'بنغازي', 'Benghazi', 'Benghazi', false),
('MIS', 'LY', 'مصراتة', 'Misrata', 'Misrata', false),
('SEB', 'LY', 'سبها', 'Sebha', 'Sabha', false),
('RDK', 'DJ', 'رأس ديكا', 'Ras Dika', 'Ras Dika', true),
('BLS', 'DJ', 'بولاوس', 'Boulaos', 'Boulaos', true),
('BLB', 'DJ', 'بلبلا', 'Balbala', 'Balbala', true),
('ASB', 'DJ', 'علي صبيح', 'Ali Sabieh', 'Ali Sabieh', false),
('DKH', 'DJ', 'دخيل', 'Dikhil', 'Dikhil', false),
('TDJ', 'DJ', 'تاجورة', 'Tadjourah', 'Tadjourah', false),
('OBK', 'DJ', 'أوبوك', 'Obock', 'Obock', false),
('ART', 'DJ', 'عرتا', 'Arta', 'Arta', false);

INSERT INTO sectors (code, name_ar, name_fr, name_en) VALUES
('civil_registry', 'السجل المدني', 'État civil', 'Civil registry'),
('urban_planning', 'التخطيط العمراني', 'Urbanisme', 'Urban planning'),
('civil_defence', 'الدفاع المدني', 'Protection civile', 'Civil defence'),
('water_sanitation', 'المياه والصرف الصحي', 'Eau et assainissement', 'Water and sanitation'),
('waste_cleanliness', 'النظافة العامة والنفايات', 'Déchets et propreté', 'Waste and cleanliness'),
('roads_lighting', 'الطرق والإنارة العامة', 'Voirie et éclairage public', 'Roads and public lighting'),
('business_licensing', 'تراخيص الأنشطة الاقتصادية', 'Licences commerciales', 'Business licensing'),
('health', 'الصحة', 'Santé', 'Health'),
('social_affairs', 'الشؤون الاجتماعية', 'Affaires sociales', 'Social affairs'),
('finance', 'المالية والرسوم', 'Finances et redevances', 'Finance (fees)');

-- Every municipality has its own office for every sector (the default routing target), plus one capital
-- planning authority per country that the capital overlays below route building permits to.
INSERT INTO offices (code, kind, country_code, municipality_code, sector_code, name_ar, name_fr, name_en)
SELECT m.code || '-' || upper(s.code), 'municipal', m.country_code, m.code, s.code,
       'مكتب ' || s.name_ar || ' - بلدية ' || m.name_ar,
       'Bureau ' || s.name_fr || ' - commune de ' || m.name_fr,
       m.name_en || ' ' || s.name_en || ' office'
  FROM municipalities m CROSS JOIN sectors s;
INSERT INTO offices (code, kind, country_code, municipality_code, sector_code, name_ar, name_fr, name_en) VALUES
('LBY-CAPITAL_PLANNING', 'special', 'LY', NULL, 'urban_planning', 'جهاز التخطيط العمراني للعاصمة طرابلس',
 'Autorité d''urbanisme de la capitale (Tripoli)', 'Capital Planning Authority (Tripoli)'),
('DJI-CAPITAL_PLANNING', 'special', 'DJ', NULL, 'urban_planning', 'هيئة تخطيط وتهيئة مدينة جيبوتي',
 'Autorité d''aménagement de la ville de Djibouti', 'Djibouti City Planning Authority');

INSERT INTO services (code, sector_code, name_ar, name_fr, name_en, description_ar, description_fr, description_en,
                      sla_days, public_report, keywords) VALUES
('residence_certificate', 'civil_registry', 'شهادة إقامة', 'Certificat de résidence', 'Residence certificate',
 'شهادة تثبت محل إقامة المواطن داخل البلدية.', 'Atteste le lieu de résidence du demandeur dans la commune.',
 'Certifies where the applicant lives within the municipality.', 2, false,
 '{إقامة,سكن,résidence,domicile,residence,address}'),
('birth_certificate_extract', 'civil_registry', 'مستخرج شهادة ميلاد', 'Extrait d''acte de naissance',
 'Birth certificate extract', 'نسخة رسمية من قيد الميلاد في السجل المدني.',
 'Copie officielle de l''acte de naissance inscrit à l''état civil.',
 'An official copy of a birth record held by the civil registry.', 1, false,
 '{ميلاد,شهادة,naissance,extrait,birth,certificate}'),
('building_permit', 'urban_planning', 'رخصة بناء', 'Permis de construire', 'Building permit',
 'ترخيص بإنشاء مبنى أو توسعته أو ترميمه، بعد موافقة التخطيط العمراني والدفاع المدني وشركة المياه وسداد الرسوم.',
 'Autorise une construction, une extension ou une rénovation après avis de l''urbanisme, de la protection civile et du service des eaux, puis paiement.',
 'Authorises building, extending or renovating, after urban planning, civil defence and water approve and the fee is paid.',
 30, false, '{بناء,رخصة,construire,permis,building,permit,construction}'),
('commercial_licence', 'business_licensing', 'رخصة مزاولة نشاط تجاري', 'Licence commerciale', 'Commercial licence',
 'ترخيص بفتح محل تجاري بعد موافقة إدارة التراخيص والصحة والدفاع المدني وسداد الرسوم.',
 'Autorise l''ouverture d''un commerce après avis des licences, de la santé et de la protection civile, puis paiement.',
 'Authorises opening a shop after business licensing, health and civil defence approve and the fee is paid.',
 20, false, '{تجاري,محل,رخصة,commerce,licence,boutique,shop,business}'),
('water_connection', 'water_sanitation', 'توصيل المياه', 'Branchement d''eau', 'Water connection',
 'توصيل عقار بشبكة المياه، ثم إعادة الطريق إلى حالته بعد الحفر.',
 'Raccorde un bien au réseau d''eau, puis remise en état de la voirie après la tranchée.',
 'Connects a property to the water network, then the road is restored after the excavation.',
 15, false, '{مياه,توصيل,eau,branchement,water,connection}'),
('missed_waste_collection', 'waste_cleanliness', 'بلاغ عن عدم جمع النفايات', 'Collecte des déchets manquée',
 'Missed waste collection', 'بلاغ عن نفايات لم تُجمع في موعدها في موقع محدد.',
 'Signale des déchets non collectés à un endroit précis.', 'Reports waste not collected at a given place.',
 3, true, '{نفايات,قمامة,déchets,ordures,waste,garbage,rubbish}'),
('broken_street_light', 'roads_lighting', 'بلاغ عن عطل إنارة عامة', 'Éclairage public en panne',
 'Broken street light', 'بلاغ عن عمود إنارة معطل أو تالف.', 'Signale un lampadaire éteint ou endommagé.',
 'Reports a street light that is out or damaged.', 5, true,
 '{إنارة,عمود,éclairage,lampadaire,street,light,lamp}'),
('social_assistance', 'social_affairs', 'طلب مساعدة اجتماعية', 'Demande d''aide sociale', 'Social assistance',
 'طلب دعم للأسر المحتاجة، يدرسه قسم الشؤون الاجتماعية ثم تصرفه المالية.',
 'Demande d''aide pour un foyer dans le besoin, instruite par les affaires sociales puis versée par les finances.',
 'Asks for support for a household in need, assessed by social affairs and paid by finance.', 20, false,
 '{مساعدة,دعم,aide,sociale,assistance,support}'),
('public_event_permit', 'civil_defence', 'تصريح فعالية عامة', 'Autorisation de manifestation publique',
 'Public event permit', 'تصريح بإقامة فعالية في مكان عام بعد موافقة الدفاع المدني والطرق والصحة وسداد الرسوم.',
 'Autorise une manifestation sur la voie publique après avis de la protection civile, de la voirie et de la santé, puis paiement.',
 'Authorises an event in a public place after civil defence, roads and health approve and the fee is paid.',
 7, false, '{فعالية,حفل,manifestation,événement,event,festival}');

-- National fees (LYD has three decimals, DJF none); services without a row are free.
INSERT INTO service_fees (service_code, country_code, amount) VALUES
('residence_certificate', 'LY', 5), ('residence_certificate', 'DJ', 1000),
('birth_certificate_extract', 'LY', 2.5), ('birth_certificate_extract', 'DJ', 500),
('building_permit', 'LY', 250), ('building_permit', 'DJ', 50000),
('commercial_licence', 'LY', 100), ('commercial_licence', 'DJ', 30000),
('water_connection', 'LY', 150), ('water_connection', 'DJ', 25000),
('public_event_permit', 'LY', 50), ('public_event_permit', 'DJ', 10000);

-- Stages in order; steps of one stage run in parallel. Step SLAs add up, along the longest path, to the service's.
INSERT INTO workflow_steps (service_code, stage_no, step_no, sector_code, office_code, sla_days) VALUES
('residence_certificate', 1, 1, 'civil_registry', NULL, 2),
('birth_certificate_extract', 1, 1, 'civil_registry', NULL, 1),
('building_permit', 1, 1, 'urban_planning', NULL, 15),
('building_permit', 1, 2, 'civil_defence', NULL, 15),
('building_permit', 2, 1, 'water_sanitation', NULL, 10),
('building_permit', 3, 1, 'finance', NULL, 5),
('commercial_licence', 1, 1, 'business_licensing', NULL, 10),
('commercial_licence', 1, 2, 'health', NULL, 10),
('commercial_licence', 2, 1, 'civil_defence', NULL, 7),
('commercial_licence', 3, 1, 'finance', NULL, 3),
('water_connection', 1, 1, 'water_sanitation', NULL, 10),
('water_connection', 2, 1, 'roads_lighting', NULL, 5),
('missed_waste_collection', 1, 1, 'waste_cleanliness', NULL, 3),
('broken_street_light', 1, 1, 'roads_lighting', NULL, 5),
('social_assistance', 1, 1, 'social_affairs', NULL, 15),
('social_assistance', 2, 1, 'finance', NULL, 5),
('public_event_permit', 1, 1, 'civil_defence', NULL, 5),
('public_event_permit', 1, 2, 'roads_lighting', NULL, 5),
('public_event_permit', 1, 3, 'health', NULL, 5),
('public_event_permit', 2, 1, 'finance', NULL, 2);

INSERT INTO service_documents (service_code, position, code, name_ar, name_fr, name_en) VALUES
('residence_certificate', 1, 'identity_document', 'صورة من إثبات الهوية', 'Copie de la pièce d''identité', 'Copy of an identity document'),
('residence_certificate', 2, 'proof_of_address', 'إثبات السكن (فاتورة أو عقد إيجار)', 'Justificatif de domicile (facture ou bail)', 'Proof of address (utility bill or lease)'),
('birth_certificate_extract', 1, 'identity_document', 'صورة من إثبات هوية مقدم الطلب', 'Copie de la pièce d''identité du demandeur', 'Copy of the applicant''s identity document'),
('building_permit', 1, 'ownership_deed', 'سند الملكية', 'Titre de propriété', 'Title deed'),
('building_permit', 2, 'architectural_plans', 'المخططات المعمارية', 'Plans architecturaux', 'Architectural plans'),
('building_permit', 3, 'site_plan', 'مخطط الموقع', 'Plan de situation', 'Site plan'),
('building_permit', 4, 'structural_study', 'الدراسة الإنشائية', 'Étude de structure', 'Structural study'),
('commercial_licence', 1, 'lease_or_deed', 'عقد الإيجار أو سند الملكية', 'Bail ou titre de propriété', 'Lease or title deed'),
('commercial_licence', 2, 'commercial_register', 'مستخرج السجل التجاري', 'Extrait du registre du commerce', 'Commercial register extract'),
('water_connection', 1, 'lease_or_deed', 'عقد الإيجار أو سند الملكية', 'Bail ou titre de propriété', 'Lease or title deed'),
('water_connection', 2, 'building_permit', 'رخصة البناء', 'Permis de construire', 'Building permit'),
('social_assistance', 1, 'family_record', 'كتيب العائلة', 'Livret de famille', 'Family record book'),
('social_assistance', 2, 'income_proof', 'إثبات الدخل', 'Justificatif de revenus', 'Proof of income'),
('public_event_permit', 1, 'site_layout', 'مخطط تنظيم الموقع', 'Plan d''implantation', 'Site layout'),
('public_event_permit', 2, 'safety_plan', 'خطة السلامة', 'Plan de sécurité', 'Safety plan');

-- Form fields: every datatype appears at least once. A location is {"lat", "long"} and/or {"address"}.
INSERT INTO service_fields (service_code, position, code, datatype, required, label_ar, label_fr, label_en,
                            max_length, min_value, max_value) VALUES
('residence_certificate', 1, 'national_id', 'national_id', true, 'الرقم الوطني', 'Numéro national', 'National number', NULL, NULL, NULL),
('residence_certificate', 2, 'address', 'text', true, 'العنوان الكامل', 'Adresse complète', 'Full address', 500, NULL, NULL),
('residence_certificate', 3, 'district', 'string', false, 'الحي أو المحلة', 'Quartier', 'District', 100, NULL, NULL),
('residence_certificate', 4, 'resident_since', 'date', true, 'مقيم منذ', 'Résident depuis le', 'Resident since', NULL, NULL, NULL),
('residence_certificate', 5, 'purpose', 'single_choice', true, 'الغرض من الشهادة', 'Motif de la demande', 'Purpose', NULL, NULL, NULL),
('birth_certificate_extract', 1, 'person_name', 'string', true, 'اسم صاحب القيد', 'Nom de la personne', 'Name of the person', 200, NULL, NULL),
('birth_certificate_extract', 2, 'birth_date', 'date', true, 'تاريخ الميلاد', 'Date de naissance', 'Date of birth', NULL, NULL, NULL),
('birth_certificate_extract', 3, 'birth_place', 'string', true, 'مكان الميلاد', 'Lieu de naissance', 'Place of birth', 100, NULL, NULL),
('birth_certificate_extract', 4, 'mother_name', 'string', true, 'اسم الأم', 'Nom de la mère', 'Mother''s name', 200, NULL, NULL),
('birth_certificate_extract', 5, 'copies', 'number', true, 'عدد النسخ', 'Nombre de copies', 'Number of copies', NULL, 1, 10),
('birth_certificate_extract', 6, 'language', 'single_choice', true, 'لغة المستخرج', 'Langue de l''extrait', 'Language of the extract', NULL, NULL, NULL),
('building_permit', 1, 'parcel_location', 'location', true, 'موقع القطعة', 'Emplacement de la parcelle', 'Parcel location', NULL, NULL, NULL),
('building_permit', 2, 'parcel_number', 'string', true, 'رقم القطعة', 'Numéro de parcelle', 'Parcel number', 50, NULL, NULL),
('building_permit', 3, 'building_use', 'single_choice', true, 'استعمال المبنى', 'Usage du bâtiment', 'Building use', NULL, NULL, NULL),
('building_permit', 4, 'works', 'multiple_choice', true, 'نوع الأعمال', 'Nature des travaux', 'Kind of works', NULL, NULL, NULL),
('building_permit', 5, 'floors', 'number', true, 'عدد الطوابق', 'Nombre d''étages', 'Number of floors', NULL, 1, 30),
('building_permit', 6, 'floor_area_m2', 'number', true, 'المساحة المبنية (م²)', 'Surface de plancher (m²)', 'Floor area (m²)', NULL, 1, 100000),
('building_permit', 7, 'planned_start', 'date', false, 'تاريخ بدء الأعمال المتوقع', 'Début des travaux prévu', 'Planned start of works', NULL, NULL, NULL),
('building_permit', 8, 'architect_email', 'email', false, 'البريد الإلكتروني للمهندس', 'Courriel de l''architecte', 'Architect''s email', NULL, NULL, NULL),
('building_permit', 9, 'architect_phone', 'phone', false, 'هاتف المهندس', 'Téléphone de l''architecte', 'Architect''s phone', NULL, NULL, NULL),
('commercial_licence', 1, 'trade_name', 'string', true, 'الاسم التجاري', 'Nom commercial', 'Trade name', 150, NULL, NULL),
('commercial_licence', 2, 'activity', 'single_choice', true, 'النشاط', 'Activité', 'Activity', NULL, NULL, NULL),
('commercial_licence', 3, 'premises_location', 'location', true, 'موقع المحل', 'Adresse du local', 'Premises location', NULL, NULL, NULL),
('commercial_licence', 4, 'premises_area_m2', 'number', true, 'مساحة المحل (م²)', 'Surface du local (m²)', 'Premises area (m²)', NULL, 1, 50000),
('commercial_licence', 5, 'hazards', 'multiple_choice', false, 'مخاطر في المحل', 'Risques présents', 'Hazards on the premises', NULL, NULL, NULL),
('commercial_licence', 6, 'owner_national_id', 'national_id', true, 'الرقم الوطني للمالك', 'Numéro national du gérant', 'Owner''s national number', NULL, NULL, NULL),
('commercial_licence', 7, 'opening_date', 'date', false, 'تاريخ الافتتاح المتوقع', 'Date d''ouverture prévue', 'Planned opening date', NULL, NULL, NULL),
('commercial_licence', 8, 'contact_email', 'email', false, 'البريد الإلكتروني', 'Courriel', 'Email', NULL, NULL, NULL),
('water_connection', 1, 'property_location', 'location', true, 'موقع العقار', 'Emplacement du bien', 'Property location', NULL, NULL, NULL),
('water_connection', 2, 'property_type', 'single_choice', true, 'نوع العقار', 'Type de bien', 'Property type', NULL, NULL, NULL),
('water_connection', 3, 'pipe_diameter', 'single_choice', true, 'قطر التوصيلة', 'Diamètre du branchement', 'Connection diameter', NULL, NULL, NULL),
('water_connection', 4, 'occupants', 'number', true, 'عدد الساكنين', 'Nombre d''occupants', 'Number of occupants', NULL, 1, 500),
('water_connection', 5, 'contact_phone', 'phone', true, 'هاتف التواصل', 'Téléphone de contact', 'Contact phone', NULL, NULL, NULL),
('missed_waste_collection', 1, 'location', 'location', true, 'الموقع', 'Emplacement', 'Location', NULL, NULL, NULL),
('missed_waste_collection', 2, 'waste_type', 'single_choice', true, 'نوع النفايات', 'Type de déchets', 'Kind of waste', NULL, NULL, NULL),
('missed_waste_collection', 3, 'days_missed', 'number', false, 'عدد الأيام دون جمع', 'Jours sans collecte', 'Days without collection', NULL, 1, 60),
('broken_street_light', 1, 'location', 'location', true, 'الموقع', 'Emplacement', 'Location', NULL, NULL, NULL),
('broken_street_light', 2, 'pole_number', 'string', false, 'رقم العمود', 'Numéro du poteau', 'Pole number', 30, NULL, NULL),
('broken_street_light', 3, 'problem', 'single_choice', true, 'نوع العطل', 'Problème constaté', 'Problem', NULL, NULL, NULL),
('social_assistance', 1, 'national_id', 'national_id', true, 'الرقم الوطني', 'Numéro national', 'National number', NULL, NULL, NULL),
('social_assistance', 2, 'household_size', 'number', true, 'عدد أفراد الأسرة', 'Taille du foyer', 'Household size', NULL, 1, 40),
('social_assistance', 3, 'monthly_income', 'number', true, 'الدخل الشهري للأسرة', 'Revenu mensuel du foyer', 'Monthly household income', NULL, 0, 100000000),
('social_assistance', 4, 'situation', 'multiple_choice', true, 'الوضع الاجتماعي', 'Situation', 'Situation', NULL, NULL, NULL),
('social_assistance', 5, 'contact_phone', 'phone', true, 'هاتف التواصل', 'Téléphone de contact', 'Contact phone', NULL, NULL, NULL),
('social_assistance', 6, 'situation_details', 'text', false, 'تفاصيل الحالة', 'Précisions sur la situation', 'Details of the situation', 2000, NULL, NULL),
('public_event_permit', 1, 'event_name', 'string', true, 'اسم الفعالية', 'Nom de la manifestation', 'Event name', 150, NULL, NULL),
('public_event_permit', 2, 'event_date', 'date', true, 'تاريخ الفعالية', 'Date de la manifestation', 'Event date', NULL, NULL, NULL),
('public_event_permit', 3, 'location', 'location', true, 'المكان', 'Lieu', 'Place', NULL, NULL, NULL),
('public_event_permit', 4, 'event_kind', 'single_choice', true, 'نوع الفعالية', 'Type de manifestation', 'Kind of event', NULL, NULL, NULL),
('public_event_permit', 5, 'needs', 'multiple_choice', false, 'الاحتياجات', 'Besoins', 'Needs', NULL, NULL, NULL),
('public_event_permit', 6, 'expected_attendance', 'number', true, 'عدد الحضور المتوقع', 'Participants attendus', 'Expected attendance', NULL, 1, 100000),
('public_event_permit', 7, 'organiser_national_id', 'national_id', true, 'الرقم الوطني للمنظم', 'Numéro national de l''organisateur', 'Organiser''s national number', NULL, NULL, NULL),
('public_event_permit', 8, 'organiser_phone', 'phone', true, 'هاتف المنظم', 'Téléphone de l''organisateur', 'Organiser''s phone', NULL, NULL, NULL),
('public_event_permit', 9, 'organiser_email', 'email', false, 'البريد الإلكتروني للمنظم', 'Courriel de l''organisateur', 'Organiser''s email', NULL, NULL, NULL);

INSERT INTO service_field_choices (service_code, field_code, position, code, label_ar, label_fr, label_en) VALUES
('residence_certificate', 'purpose', 1, 'employment', 'عمل', 'Emploi', 'Employment'),
('residence_certificate', 'purpose', 2, 'school', 'دراسة', 'Scolarité', 'School'),
('residence_certificate', 'purpose', 3, 'bank', 'مصرف', 'Banque', 'Bank'),
('residence_certificate', 'purpose', 4, 'other', 'غرض آخر', 'Autre', 'Other'),
('birth_certificate_extract', 'language', 1, 'ar', 'العربية', 'Arabe', 'Arabic'),
('birth_certificate_extract', 'language', 2, 'fr', 'الفرنسية', 'Français', 'French'),
('birth_certificate_extract', 'language', 3, 'en', 'الإنجليزية', 'Anglais', 'English'),
('building_permit', 'building_use', 1, 'residential', 'سكني', 'Habitation', 'Residential'),
('building_permit', 'building_use', 2, 'commercial', 'تجاري', 'Commercial', 'Commercial'),
('building_permit', 'building_use', 3, 'mixed', 'مختلط', 'Mixte', 'Mixed use'),
('building_permit', 'building_use', 4, 'public', 'مرفق عام', 'Équipement public', 'Public facility'),
('building_permit', 'works', 1, 'new_building', 'بناء جديد', 'Construction neuve', 'New building'),
('building_permit', 'works', 2, 'extension', 'توسعة', 'Extension', 'Extension'),
('building_permit', 'works', 3, 'renovation', 'ترميم', 'Rénovation', 'Renovation'),
('building_permit', 'works', 4, 'fence', 'سور', 'Clôture', 'Boundary wall'),
('commercial_licence', 'activity', 1, 'retail', 'تجارة تجزئة', 'Commerce de détail', 'Retail'),
('commercial_licence', 'activity', 2, 'food_service', 'مطعم أو مقهى', 'Restauration', 'Restaurant or café'),
('commercial_licence', 'activity', 3, 'workshop', 'ورشة', 'Atelier', 'Workshop'),
('commercial_licence', 'activity', 4, 'office', 'مكتب خدمات', 'Bureau de services', 'Service office'),
('commercial_licence', 'hazards', 1, 'cooking_gas', 'غاز الطهي', 'Gaz de cuisson', 'Cooking gas'),
('commercial_licence', 'hazards', 2, 'flammables', 'مواد قابلة للاشتعال', 'Produits inflammables', 'Flammable goods'),
('commercial_licence', 'hazards', 3, 'generator', 'مولد كهربائي', 'Groupe électrogène', 'Power generator'),
('water_connection', 'property_type', 1, 'house', 'منزل', 'Maison', 'House'),
('water_connection', 'property_type', 2, 'apartment_building', 'عمارة سكنية', 'Immeuble', 'Apartment building'),
('water_connection', 'property_type', 3, 'shop', 'محل تجاري', 'Commerce', 'Shop'),
('water_connection', 'pipe_diameter', 1, 'd15', '15 مم', '15 mm', '15 mm'),
('water_connection', 'pipe_diameter', 2, 'd20', '20 مم', '20 mm', '20 mm'),
('water_connection', 'pipe_diameter', 3, 'd25', '25 مم', '25 mm', '25 mm'),
('missed_waste_collection', 'waste_type', 1, 'household', 'نفايات منزلية', 'Ordures ménagères', 'Household waste'),
('missed_waste_collection', 'waste_type', 2, 'bulky', 'نفايات كبيرة الحجم', 'Encombrants', 'Bulky waste'),
('missed_waste_collection', 'waste_type', 3, 'green', 'مخلفات الحدائق', 'Déchets verts', 'Garden waste'),
('missed_waste_collection', 'waste_type', 4, 'rubble', 'مخلفات البناء', 'Gravats', 'Building rubble'),
('broken_street_light', 'problem', 1, 'off', 'مطفأ', 'Éteint', 'Out'),
('broken_street_light', 'problem', 2, 'flickering', 'متقطع', 'Clignotant', 'Flickering'),
('broken_street_light', 'problem', 3, 'on_in_daytime', 'مضاء نهاراً', 'Allumé le jour', 'On in daytime'),
('broken_street_light', 'problem', 4, 'damaged_pole', 'عمود تالف', 'Poteau endommagé', 'Damaged pole'),
('social_assistance', 'situation', 1, 'unemployed', 'بدون عمل', 'Sans emploi', 'Unemployed'),
('social_assistance', 'situation', 2, 'disability', 'إعاقة', 'Handicap', 'Disability'),
('social_assistance', 'situation', 3, 'widowed', 'أرملة أو أرمل', 'Veuvage', 'Widowed'),
('social_assistance', 'situation', 4, 'elderly', 'كبير في السن', 'Personne âgée', 'Elderly'),
('social_assistance', 'situation', 5, 'chronic_illness', 'مرض مزمن', 'Maladie chronique', 'Chronic illness'),
('public_event_permit', 'event_kind', 1, 'wedding', 'حفل زفاف', 'Mariage', 'Wedding'),
('public_event_permit', 'event_kind', 2, 'cultural', 'فعالية ثقافية', 'Culturel', 'Cultural'),
('public_event_permit', 'event_kind', 3, 'sports', 'فعالية رياضية', 'Sportif', 'Sports'),
('public_event_permit', 'event_kind', 4, 'market', 'سوق أو معرض', 'Marché ou foire', 'Market or fair'),
('public_event_permit', 'needs', 1, 'road_closure', 'إغلاق طريق', 'Fermeture de voie', 'Road closure'),
('public_event_permit', 'needs', 2, 'stage', 'منصة', 'Scène', 'Stage'),
('public_event_permit', 'needs', 3, 'food_stalls', 'أكشاك طعام', 'Stands de restauration', 'Food stalls'),
('public_event_permit', 'needs', 4, 'fireworks', 'ألعاب نارية', 'Feux d''artifice', 'Fireworks');

-- Capital overlays. Instants are local midnights. They exercise resolution: one ended (the former capital
-- building-permit fee), current ones, and one starting in the future (a capital licensing fast track).
INSERT INTO service_overlays (service_code, municipality_code, valid_from, valid_to, enabled, sla_days, fee, note)
SELECT 'building_permit', code, '2024-01-01 00:00+02'::timestamptz, '2026-01-01 00:00+02'::timestamptz,
       NULL::boolean, 45, 300::numeric,
       'Capital provisions: 45 working days; capital fee until the 2026 fee reform'
  FROM municipalities WHERE country_code = 'LY' AND capital
UNION ALL
SELECT 'building_permit', code, '2026-01-01 00:00+02', NULL, NULL, 45, NULL,
       'Capital provisions: 45 working days, national fee'
  FROM municipalities WHERE country_code = 'LY' AND capital
UNION ALL
SELECT 'building_permit', code, '2025-07-01 00:00+03', NULL, NULL, 45, NULL,
       'Djibouti-ville: 45 working days while the city planning authority reviews'
  FROM municipalities WHERE country_code = 'DJ' AND capital
UNION ALL
SELECT 'commercial_licence', code, '2027-01-01 00:00+02', NULL, NULL, 15, 80,
       'Capital fast track for business licences (announced, not yet in force)'
  FROM municipalities WHERE country_code = 'LY' AND capital
UNION ALL
SELECT 'water_connection', 'OBK', '2025-01-01 00:00+03', NULL, false, NULL, NULL,
       'Obock: connections handled by the national water office, not the region (demo assumption)'
UNION ALL
SELECT 'public_event_permit', 'RDK', '2025-06-01 00:00+03', '2025-09-01 00:00+03', false, NULL, NULL,
       'Ras Dika: events suspended during the summer roadworks (ended)';

INSERT INTO step_overlays (service_code, municipality_code, stage_no, step_no, valid_from, valid_to,
                           sector_code, office_code, sla_days, note)
SELECT 'building_permit', code, 1, 1, '2024-01-01 00:00+02'::timestamptz, NULL::timestamptz,
       NULL::text, 'LBY-CAPITAL_PLANNING', 30, 'Capital provisions: planning goes to the capital planning authority'
  FROM municipalities WHERE country_code = 'LY' AND capital
UNION ALL
SELECT 'building_permit', code, 1, 1, '2025-07-01 00:00+03', NULL,
       NULL, 'DJI-CAPITAL_PLANNING', 30, 'Djibouti-ville: planning goes to the city planning authority'
  FROM municipalities WHERE country_code = 'DJ' AND capital
UNION ALL
SELECT 'social_assistance', 'TDJ', 2, 1, '2026-03-01 00:00+03', NULL,
       'social_affairs', NULL, NULL, 'Tadjourah: the regional social affairs office pays assistance itself'
UNION ALL
-- The capital licensing fast track shortens the steps too, so they still add up to its 15 days (7 + 5 + 3).
SELECT 'commercial_licence', m.code, s.stage_no, s.step_no, '2027-01-01 00:00+02', NULL, NULL, NULL, s.sla_days,
       'Capital fast track for business licences (announced, not yet in force)'
  FROM municipalities m CROSS JOIN (VALUES (1, 1, 7), (1, 2, 7), (2, 1, 5)) AS s (stage_no, step_no, sla_days)
 WHERE m.country_code = 'LY' AND m.capital;
END
$seed$;
