// The one place where error messages are written, in Arabic, French and English. It is longer than our usual
// files on purpose: splitting it would scatter the translations that reviewers compare side by side.

extension ErrorCode {
    /// The code's message in the three languages. A code whose message names something (a task's holder, a status,
    /// a code the client sent) has a renderer in `ErrorCode.Message`; this is then its template, the variable parts
    /// written `{assignee}`, `{status}`, ...
    public var message: LocalizedText {
        switch self {
        case .invalidToken:
            LocalizedText(
                ar: "رمز الدخول مفقود أو غير صالح أو منتهي الصلاحية أو ملغى.",
                fr: "Le jeton est absent, invalide, expiré ou révoqué.",
                en: "The token is missing, invalid, expired or revoked.")
        case .readOnlyRole:
            LocalizedText(
                ar: "هذا الدور يطّلع فقط ولا يغيّر شيئًا.", fr: "Ce rôle consulte seulement et ne modifie rien.",
                en: "This role reads only and changes nothing.")
        case .supervisorOnly:
            LocalizedText(
                ar: "هذا الإجراء مقصور على المشرفين.", fr: "Cette action est réservée aux superviseurs.",
                en: "Only a supervisor may do this.")
        case .outOfScope:
            LocalizedText(
                ar: "هذا خارج نطاق صلاحياتك.", fr: "Ceci est hors de votre périmètre.",
                en: "This is outside your scope.")
        case .invalidStaff:
            Message.invalidStaff(
                LocalizedText(ar: "{reason}", fr: "{reason}", en: "{reason}"))
        case .staffNotFound:
            Message.staffNotFound(name: "{name}")
        case .staffExists:
            LocalizedText(
                ar: "يوجد موظف بهذا الاسم.", fr: "Un agent porte déjà ce nom.",
                en: "A staff member with this name exists.")
        case .invalidCursor:
            LocalizedText(
                ar: "مؤشر الصفحة غير صالح.", fr: "Le curseur de page n'est pas valide.",
                en: "The page cursor is not valid.")
        case .taskNotFound:
            LocalizedText(
                ar: "لا توجد مهمة بهذا الرقم في نطاقك.", fr: "Aucune tâche de ce numéro dans votre périmètre.",
                en: "No task with this number is in your scope.")
        case .queueEmpty:
            LocalizedText(
                ar: "لا توجد مهمة مفتوحة في طوابيرك.", fr: "Aucune tâche ouverte dans vos files.",
                en: "No open task is waiting in your queues.")
        case .taskChanged:
            LocalizedText(
                ar: "تغيّرت المهمة منذ أن قرأتها؛ أعد عرضها ثم حاول مجددًا.",
                fr: "La tâche a changé depuis votre lecture ; relisez-la puis réessayez.",
                en: "The task changed since you read it; read it again, then retry.")
        case .taskClaimed:
            Message.taskClaimed(by: "{assignee}")
        case .taskNotOpen:
            Message.taskNotOpen(statusText: "{status}")
        case .notAssignee:
            LocalizedText(
                ar: "لست من يحجز هذه المهمة.", fr: "Vous ne détenez pas cette tâche.",
                en: "You do not hold this task.")
        case .taskNotClaimed:
            LocalizedText(ar: "المهمة غير محجوزة.", fr: "La tâche n'est pas prise.", en: "The task is not claimed.")
        case .searchCriterionRequired:
            LocalizedText(
                ar: "ابحث بواحد فقط من: الرقم الوطني (national_id) أو الهاتف (phone) أو الاسم (name).",
                fr: "Cherchez par un seul critère : numéro national (national_id), téléphone (phone) ou nom (name).",
                en: "Search by exactly one of national id (national_id), phone or name.")
        case .searchTermTooShort:
            LocalizedText(
                ar: "اكتب 3 أحرف على الأقل من الاسم.", fr: "Saisissez au moins 3 caractères du nom.",
                en: "Type at least 3 characters of the name.")
        case .invalidSearchTerm:
            LocalizedText(
                ar: "هذا ليس رقمًا وطنيًا أو رقم هاتف صالحًا.",
                fr: "Ce n'est pas un numéro national ou un numéro de téléphone valide.",
                en: "This is not a valid national id or phone number.")
        case .requestNotFound:
            LocalizedText(
                ar: "لا يوجد طلب بهذا الرقم ضمن ما يحق لك الاطلاع عليه.",
                fr: "Aucune demande que vous pouvez consulter ne porte ce numéro.",
                en: "No request you may see has this tracking number.")
        case .invalidTransition:
            Message.invalidTransition(
                action: LocalizedText(ar: "{action}", fr: "{action}", en: "{action}"), statusText: "{status}")
        case .nothingAwaitingCitizen:
            LocalizedText(
                ar: "لا ينتظر الطلب أي معلومات منك حاليًا.",
                fr: "La demande n'attend aucune information de votre part.",
                en: "The request is not waiting for any information from you.")
        case .appealNotAllowed:
            LocalizedText(
                ar: "لا يُتظلَّم إلا من طلب مرفوض.", fr: "Seule une demande rejetée peut faire l'objet d'un recours.",
                en: "Only a rejected request can be appealed.")
        case .appealWindowClosed:
            LocalizedText(
                ar: "انقضت مهلة التظلّم من الرفض.", fr: "Le délai de recours contre le rejet est écoulé.",
                en: "The time to appeal the rejection has passed.")
        case .appealAlreadyFiled:
            LocalizedText(
                ar: "سبق التظلّم من هذا الطلب؛ لا يُتظلَّم إلا مرة واحدة.",
                fr: "Cette demande a déjà fait l'objet d'un recours : un seul recours est permis.",
                en: "This request was appealed already: a request is appealed once.")
        case .appealNotFound:
            LocalizedText(
                ar: "لا يوجد تظلّم بهذا الرقم.", fr: "Aucun recours ne porte ce numéro.",
                en: "No appeal has this number.")
        case .appealAlreadyDecided:
            LocalizedText(
                ar: "بُتّ في هذا التظلّم من قبل.", fr: "Ce recours a déjà été tranché.",
                en: "This appeal was decided already.")
        case .requestClosed:
            LocalizedText(
                ar: "الطلب مغلق؛ لا تُضاف إليه ملاحظات علنية.",
                fr: "La demande est close : on n'y ajoute plus de note publique.",
                en: "The request is closed: public notes can no longer be added.")
        case .staffInactive:
            Message.staffInactive(name: "{name}")
        case .validationFailed:
            LocalizedText(ar: "الطلب غير صالح.", fr: "La demande n'est pas valide.", en: "The request is invalid.")
        case .unknownRequestStatus, .unknownTaskStatus, .storedDataInvalid:
            LocalizedText(
                ar: "بيانات مخزّنة غير متوقعة.", fr: "Données enregistrées inattendues.", en: "Unexpected stored data.")
        case .invalidIdempotencyKey:
            LocalizedText(
                ar: "يجب إرسال ترويسة Idempotency-Key مرة واحدة على الأكثر، من 16 إلى 255 محرف ASCII قابل للطباعة.",
                fr: "L'en-tête Idempotency-Key s'envoie une fois au plus, de 16 à 255 caractères ASCII imprimables.",
                en: "The Idempotency-Key header must be sent once at most, as 16 to 255 printable ASCII characters.")
        case .idempotencyConflict:
            LocalizedText(
                ar: "استُخدم مفتاح Idempotency-Key هذا مع طلب مختلف.",
                fr: "Cette clé Idempotency-Key a déjà servi pour une autre demande.",
                en: "This Idempotency-Key was already used with a different request.")
        case .municipalityRequired:
            LocalizedText(
                ar: "يجب تحديد البلدية بالمعامل municipality (مثل ?municipality=TRP).",
                fr: "Indiquez la commune avec le paramètre municipality (par exemple ?municipality=TRP).",
                en: "Name the municipality with the municipality parameter (e.g. ?municipality=TRP).")
        case .unknownMunicipality:
            Message.unknownMunicipality(code: "{code}")
        case .unknownService:
            Message.unknownService(code: "{code}")
        case .serviceNotOffered:
            Message.serviceNotOffered(service: "{service}", municipality: "{municipality}")
        case .databaseUnavailable:
            LocalizedText(
                ar: "قاعدة البيانات لا تستجيب حالياً؛ أعد المحاولة بعد قليل.",
                fr: "La base de données ne répond pas pour le moment ; réessayez dans un instant.",
                en: "The database does not answer right now; try again shortly.")
        case .catalogChanging:
            LocalizedText(
                ar: "تغيّر دليل الخدمات مراراً أثناء تسجيل الطلب؛ أعد إرساله بعد قليل.",
                fr: "Le catalogue a changé plusieurs fois pendant l'enregistrement ; renvoyez la demande sous peu.",
                en: "The catalog changed several times while the request was being filed; send it again shortly.")
        case .adminOnly:
            LocalizedText(
                ar: "هذا الإجراء مقصور على المسؤولين (admin).", fr: "Cette action est réservée aux administrateurs.",
                en: "Only an admin may do this.")
        case .catalogInvalid:
            LocalizedText(
                ar: "ملف الدليل غير صالح؛ لم يُطبَّق شيء. تسرد القائمة problems كل مشكلة وموضعها.",
                fr: "Le fichier de catalogue n'est pas valide ; rien n'a été appliqué. La liste problems donne "
                    + "chaque problème et sa position.",
                en: "The catalog file is not valid; nothing was applied. The problems list gives each problem and "
                    + "where it is.")
        case .catalogTooLarge:
            LocalizedText(
                ar: "ملف الدليل أكبر من الحد المسموح (8 ميغابايت).",
                fr: "Le fichier de catalogue dépasse la taille permise (8 Mio).",
                en: "The catalog file is larger than allowed (8 MiB).")
        case .catalogBusy:
            LocalizedText(
                ar: "تطبيق آخر للدليل جارٍ؛ لم يُطبَّق شيء. أعد المحاولة بعد قليل.",
                fr: "Une autre application du catalogue est en cours ; rien n'a été appliqué. Réessayez sous peu.",
                en: "Another catalog apply is in progress; nothing was applied. Retry shortly.")
        case .reportsNotAllowed:
            LocalizedText(
                ar: "التقارير متاحة للمدققين والمشرفين والمسؤولين فقط.",
                fr: "Les rapports sont réservés aux auditeurs, superviseurs et administrateurs.",
                en: "Reports are for auditors, supervisors and admins only.")
        case .reportNotFound:
            LocalizedText(
                ar:
                    "لا يوجد تقرير بهذا الاسم: sla أو backlog أو throughput أو misroutes أو appeals أو satisfaction أو payments أو reconciliation.",
                fr:
                    "Rapport inconnu : sla, backlog, throughput, misroutes, appeals, satisfaction, payments ou reconciliation.",
                en:
                    "No such report: sla, backlog, throughput, misroutes, appeals, satisfaction, payments or reconciliation."
            )
        case .invalidRange:
            LocalizedText(
                ar: "يجب أن تسبق بداية الفترة نهايتها.", fr: "Le début de la période doit précéder sa fin.",
                en: "The range's start must come before its end.")
        case .invalidParameter:
            Message.invalidParameter(name: "{name}")
        case .municipalityNotFound:
            LocalizedText(ar: "البلدية غير موجودة.", fr: "Municipalité inconnue.", en: "No such municipality.")
        case .exportNotFound:
            LocalizedText(
                ar: "التصدير غير موجود: تعذّر فتح ملفه، أو لا يُحفظ له بيان باسمك.",
                fr:
                    "Export introuvable : son fichier ne peut être ouvert, ou aucun manifeste n'en est gardé pour vous.",
                en: "No such export: its file cannot be opened, or no manifest of it is kept for you.")
        case .unmaskedNotAllowed:
            LocalizedText(
                ar: "عرض البيانات الشخصية مقصور على مدقق أو مسؤول نشط ضمن نطاقه.",
                fr: "Seul un auditeur ou un administrateur actif, dans son périmètre, peut voir les données "
                    + "personnelles.",
                en: "Only an active auditor or admin, within their scope, may see personal data.")
        case .auditSequencerBusy:
            LocalizedText(
                ar: "مُسلسِل آخر لسجل التدقيق يعمل الآن؛ أعد المحاولة بعد قليل.",
                fr: "Un autre séquenceur du journal d'audit est à l'œuvre ; réessayez dans un instant.",
                en: "Another audit sequencer is at work; try again in a moment.")
        case .signingNotConfigured:
            LocalizedText(
                ar: "هذا الخادم لا يوقّع سجل التدقيق: لا يمكنه إصدار وثيقة قرار أو التحقق منها.",
                fr: "Ce serveur ne signe pas le journal d'audit : il ne peut ni délivrer ni vérifier de décision.",
                en: "This server does not sign the audit log: it can neither issue nor verify a decision.")
        case .requestNotDecided:
            LocalizedText(
                ar: "لم يُبتّ في هذا الطلب بعد (لا قبول ولا رفض)، فلا وثيقة قرار له ولا يمكن تقييمه.",
                fr: "Cette demande n'est pas encore tranchée (ni approuvée ni rejetée) : elle n'a pas de décision "
                    + "et ne peut pas encore être notée.",
                en: "This request is not decided yet (neither approved nor rejected): it has no decision document "
                    + "and cannot be rated yet.")
        case .decisionNotYetLogged:
            LocalizedText(
                ar: "القرار قيد التسجيل في السجل الموقّع؛ أعد المحاولة بعد دقيقة.",
                fr: "La décision est en cours d'inscription au journal signé ; réessayez dans une minute.",
                en: "The decision is being recorded in the signed log; try again in a minute.")
        case .invalidVerificationCode:
            LocalizedText(
                ar: "رمز التحقق غير صالح أو ناقص.", fr: "Le code de vérification est mal formé ou tronqué.",
                en: "The verification code is malformed or truncated.")
        case .decisionNotFound:
            LocalizedText(
                ar: "رمز التحقق هذا غير صحيح: لا يطابقه أي قرار صادر عن هذا الخادم.",
                fr: "Ce code de vérification n'est pas valide : aucune décision de ce serveur ne lui correspond.",
                en: "This verification code is not valid: no decision of this server matches it.")
        case .checkpointNotFound:
            LocalizedText(
                ar: "لا توجد نقطة تحقق موقّعة بهذا الحجم لسجل هذه البلدية.",
                fr: "Le journal de cette municipalité n'a pas de point de contrôle signé de cette taille.",
                en: "This municipality's log has no signed checkpoint of this size.")
        case .invalidTreeSize:
            LocalizedText(
                ar: "حجم الشجرة يجب أن يكون عددًا صحيحًا من 1 إلى 2^63 − 1.",
                fr: "La taille de l'arbre doit être un nombre entier de 1 à 2^63 − 1.",
                en: "A tree size must be a whole number from 1 to 2^63 − 1.")
        case .treeSizesOutOfOrder:
            LocalizedText(
                ar: "الحجم الأول (first) أكبر من الحجم الثاني (second).",
                fr: "La première taille (first) dépasse la seconde (second).",
                en: "The first size (first) is larger than the second (second).")
        case .treeSizeNotLogged:
            LocalizedText(
                ar: "هذا الحجم يتجاوز آخر نقطة تحقق موقّعة لسجل هذه البلدية.",
                fr: "Cette taille dépasse le dernier point de contrôle signé du journal de cette municipalité.",
                en: "This size is beyond the latest signed checkpoint of this municipality's log.")
        case .tooManyVerifications:
            LocalizedText(
                ar: "طلبات تحقق كثيرة من هذا العنوان؛ أعد المحاولة بعد قليل.",
                fr: "Trop de vérifications depuis cette adresse ; réessayez dans un instant.",
                en: "Too many verifications from this address; try again in a moment.")
        case .invalidSignInCode:
            LocalizedText(
                ar: "رمز الدخول غير صحيح أو منتهي الصلاحية أو مستعمل؛ اطلب رمزًا جديدًا إن لزم.",
                fr: "Le code de connexion est erroné, expiré ou déjà utilisé ; demandez-en un nouveau au besoin.",
                en: "The sign-in code is wrong, expired or already used; ask for a new one if needed.")
        case .signInCodeLocked:
            LocalizedText(
                ar: "جُرّب هذا الرمز خمس مرات دون نجاح فأُوقف؛ اطلب رمزًا جديدًا.",
                fr: "Ce code a été essayé cinq fois sans succès et il est bloqué ; demandez un nouveau code.",
                en: "This code was tried five times without success and is locked; ask for a new code.")
        case .tooManySignInCodes:
            LocalizedText(
                ar:
                    "طُلبت رموز دخول كثيرة لهذا الهاتف أو من هذا العنوان؛ أعد المحاولة بعد المدة المذكورة في Retry-After.",
                fr: "Trop de codes de connexion pour ce téléphone ou depuis cette adresse ; réessayez après le délai "
                    + "indiqué par Retry-After.",
                en: "Too many sign-in codes for this phone or from this address; retry after the delay in Retry-After.")
        case .invalidSession:
            LocalizedText(
                ar: "جلسة الدخول مفقودة أو غير صالحة أو منتهية أو ملغاة؛ سجّل الدخول مجددًا.",
                fr: "La session est absente, invalide, expirée ou fermée ; reconnectez-vous.",
                en: "The session is missing, invalid, expired or ended; sign in again.")
        case .alreadyRated:
            LocalizedText(
                ar: "قُيّم هذا الطلب من قبل؛ يُقيَّم الطلب مرة واحدة.",
                fr: "Cette demande a déjà été notée ; une demande se note une seule fois.",
                en: "This request was rated already; a request is rated once.")
        case .noteNotFound:
            LocalizedText(
                ar: "لا توجد ملاحظة علنية بهذا الرقم في هذا الطلب.",
                fr: "Cette demande n'a pas de note publique de ce numéro.",
                en: "This request has no public note with this number.")
        case .invalidAPIKey:
            LocalizedText(
                ar: "مفتاح api_key صالح مطلوب.", fr: "Une api_key valide est requise.",
                en: "A valid api_key is required.")
        case .invalidAPIKeyName:
            LocalizedText(
                ar: "اسم التطبيق مطلوب، بحد أقصى 100 حرف ودون محارف تحكم.",
                fr: "Le nom de l'application est requis : 100 caractères au plus, sans caractère de contrôle.",
                en: "The application name is required: at most 100 characters, without control characters.")
        case .apiKeyNameTaken:
            LocalizedText(
                ar: "يوجد مفتاح بهذا الاسم.", fr: "Une clé porte déjà ce nom.", en: "A key with this name exists.")
        case .invalidAmount:
            LocalizedText(
                ar: "المبلغ غير صالح: يُكتب عددًا موجبًا بنقطة عشرية، دون فاصلة، وبعدد منازل عملته على الأكثر.",
                fr:
                    "Montant invalide : un nombre positif avec un point décimal, sans virgule, et au plus les décimales de sa devise.",
                en:
                    "Invalid amount: a positive number with a decimal point, no comma, and at most its currency's decimals."
            )
        case .amountMismatch:
            LocalizedText(
                ar: "المبلغ أو العملة لا يطابقان الفاتورة؛ لم يُسجَّل أي دفع.",
                fr: "Le montant ou la devise ne correspond pas à la facture ; aucun paiement n'est enregistré.",
                en: "The amount or currency does not match the bill; nothing was paid.")
        case .billNotFound:
            LocalizedText(
                ar: "لا توجد فاتورة بهذا الرقم.", fr: "Aucune facture ne porte ce numéro.",
                en: "No bill has this number.")
        case .billNotPayable:
            LocalizedText(
                ar: "هذه الفاتورة ليست غير مدفوعة: لا يمكن دفعها.",
                fr: "Cette facture n'est pas impayée : elle ne peut être payée.",
                en: "This bill is not unpaid: it cannot be paid.")
        case .cashierOnly:
            LocalizedText(
                ar: "هذا الإجراء مقصور على أمناء الصندوق.", fr: "Cette action est réservée aux caissiers.",
                en: "Only a cashier may do this.")
        case .receiptNotFound:
            LocalizedText(
                ar: "لا يوجد إيصال بهذا الرقم.", fr: "Aucun reçu ne porte ce numéro.", en: "No receipt has this number."
            )
        case .receiptCancelled:
            LocalizedText(
                ar: "هذا الإيصال ملغى أو تغيّرت فاتورته.", fr: "Ce reçu est annulé ou sa facture a changé.",
                en: "This receipt is cancelled or its bill has moved on.")
        case .refundNotDue:
            LocalizedText(
                ar: "لا يوجد استرداد مستحق لهذه الفاتورة.", fr: "Aucun remboursement n'est dû pour cette facture.",
                en: "No refund is due for this bill.")
        case .invalidSignature:
            LocalizedText(
                ar: "توقيع الإشعار مفقود أو غير صحيح أو منتهي الصلاحية.",
                fr: "La signature du rappel est absente, fausse ou périmée.",
                en: "The callback's signature is missing, wrong or stale.")
        case .callbackConflict:
            LocalizedText(
                ar: "أُرسل رقم هذه المعاملة من قبل ببيانات مختلفة.",
                fr: "Cette transaction a déjà été envoyée avec d'autres données.",
                en: "This transaction id was already sent with other data.")
        case .invalidPaymentProvider:
            LocalizedText(
                ar: "اسم مزوّد الدفع غير صالح.", fr: "Le nom du prestataire de paiement n'est pas valide.",
                en: "The payment provider's name is not valid.")
        case .paymentProviderExists:
            LocalizedText(
                ar: "يوجد مزوّد دفع بهذا الاسم.", fr: "Un prestataire de paiement porte déjà ce nom.",
                en: "A payment provider with this name exists.")
        case .invalidWebhook:
            Message.invalidWebhook(LocalizedText(ar: "{reason}", fr: "{reason}", en: "{reason}"))
        case .webhookNotFound:
            LocalizedText(
                ar: "لا يوجد اشتراك نشط بهذا الرقم.", fr: "Aucun abonnement actif ne porte ce numéro.",
                en: "No active webhook has this id.")
        case .notificationNotFound:
            LocalizedText(
                ar: "لا يوجد إشعار بهذا الرقم.", fr: "Aucune notification ne porte ce numéro.",
                en: "No notification has this id.")
        case .invalidParameters:
            LocalizedText(
                ar: "بعض المعاملات غير صالحة.", fr: "Certains paramètres sont invalides.",
                en: "Some parameters are invalid.")
        case .unknownJurisdiction:
            LocalizedText(
                ar: "jurisdiction_id غير معروف.", fr: "jurisdiction_id inconnu.", en: "Unknown jurisdiction_id.")
        case .unknownRequest:
            LocalizedText(
                ar: "لا يوجد بلاغ عام بهذا الرقم.", fr: "Aucun signalement public ne porte ce numéro.",
                en: "No public report has this id.")
        case .serviceNotPublic:
            LocalizedText(
                ar: "هذه الخدمة ليست بلاغاً عاماً ولا تُقدَّم عبر Open311؛ استعمل واجهة نافذة.",
                fr: "Ce service n'est pas un signalement public et ne se demande pas par Open311 : utilisez l'API "
                    + "Nafidha.",
                en: "This service is not a public report and cannot be requested through Open311: use the Nafidha API.")
        case .unsupportedMediaType:
            LocalizedText(
                ar: "الجسم يكون application/x-www-form-urlencoded.",
                fr: "Le corps doit être application/x-www-form-urlencoded.",
                en: "The body must be application/x-www-form-urlencoded.")
        case .invalidForm:
            LocalizedText(
                ar: "جسم النموذج غير صالح.", fr: "Le corps du formulaire est invalide.",
                en: "The form body is malformed.")
        case .emptyFile:
            LocalizedText(
                ar: "الملف المرفوع فارغ.", fr: "Le fichier envoyé est vide.", en: "The uploaded file is empty.")
        case .invalidFileName:
            LocalizedText(
                ar: "اسم الملف غير صالح: 255 حرفاً على الأكثر، دون مسار أو محارف تحكم.",
                fr: "Le nom de fichier est invalide : 255 caractères au plus, sans chemin ni caractère de contrôle.",
                en: "The file name is invalid: at most 255 characters, with no path and no control character.")
        case .documentNotFound:
            LocalizedText(
                ar: "لا توجد وثيقة بهذا الرقم في هذا الطلب.", fr: "Aucun document de cette demande ne porte ce numéro.",
                en: "No document of this request has this id.")
        case .rangeNotSatisfiable:
            LocalizedText(
                ar: "المجال المطلوب (Range) غير صالح أو يتجاوز نهاية الملف.",
                fr: "La plage demandée (Range) est invalide ou commence après la fin du fichier.",
                en: "The requested Range is malformed or starts past the end of the file.")
        case .invalidJSON:
            LocalizedText(
                ar: "جسم الطلب فارغ أو ليس JSON صالحًا بترميز UTF-8.",
                fr: "Le corps de la requête est vide ou n'est pas du JSON valide en UTF-8.",
                en: "The request body is empty or is not valid JSON in UTF-8.")
        case .invalidQuery:
            LocalizedText(
                ar: "سلسلة الاستعلام أو أحد معاملاتها غير صالح.",
                fr: "La chaîne de requête ou l'un de ses paramètres n'est pas valide.",
                en: "The query string or one of its parameters is invalid.")
        case .bodyTooComplex:
            Message.bodyTooComplex(limitText: LocalizedText(ar: "{limit}", fr: "{limit}", en: "{limit}"))
        case .tooManyAttempts:
            LocalizedText(
                ar: "محاولات دخول فاشلة كثيرة من عنوانك؛ أعد المحاولة بعد المدة المذكورة في Retry-After.",
                fr: "Trop d'échecs d'authentification depuis votre adresse ; réessayez après le délai indiqué par "
                    + "Retry-After.",
                en: "Too many failed authentications from your address; retry after the delay in Retry-After.")
        case .notFound:
            LocalizedText(
                ar: "لا يوجد مورد يطابق مسار الطلب.", fr: "Aucune ressource ne correspond au chemin demandé.",
                en: "No resource matches the request path.")
        case .methodNotAllowed:
            LocalizedText(
                ar: "هذه الطريقة غير مسموح بها على هذا المسار.", fr: "Cette méthode n'est pas autorisée sur ce chemin.",
                en: "This method is not allowed on this path.")
        case .badRequest:
            LocalizedText(
                ar: "الطلب غير سليم البنية.", fr: "La requête est mal formée.", en: "The request is malformed.")
        case .internalError:
            LocalizedText(
                ar: "تعذّر على الخادم معالجة الطلب.", fr: "Le serveur n'a pas pu traiter la requête.",
                en: "The server failed to handle the request.")
        case .overloaded:
            LocalizedText(
                ar: "الخادم مشغول؛ أعد المحاولة بعد قليل.", fr: "Le serveur est occupé ; réessayez dans un instant.",
                en: "The server is busy; retry shortly.")
        case .invalidRequestLine:
            LocalizedText(
                ar: "سطر الطلب غير سليم.", fr: "La ligne de requête est mal formée.",
                en: "The request line is malformed.")
        case .invalidTarget:
            LocalizedText(
                ar: "هدف الطلب غير سليم.", fr: "La cible de la requête est mal formée.",
                en: "The request-target is malformed.")
        case .invalidHeader:
            LocalizedText(
                ar: "أحد حقول الترويسة غير سليم.", fr: "Un champ d'en-tête est mal formé.",
                en: "A header field is malformed.")
        case .invalidLineEnding:
            LocalizedText(
                ar: "يجب أن ينتهي كل سطر بـ CRLF.", fr: "Chaque ligne doit se terminer par CRLF.",
                en: "Every line must end with CRLF.")
        case .obsoleteLineFolding:
            LocalizedText(
                ar: "يبدأ سطر في الترويسة بمسافة (طيّ أسطر مهجور).",
                fr: "Une ligne d'en-tête commence par une espace (repli de ligne obsolète).",
                en: "A header line starts with whitespace (obs-fold).")
        case .duplicateAuthorization:
            LocalizedText(
                ar: "يجب إرسال ترويسة Authorization مرة واحدة على الأكثر.",
                fr: "L'en-tête Authorization s'envoie une fois au plus.",
                en: "The Authorization header must be sent at most once.")
        case .invalidAuthorization:
            LocalizedText(
                ar: "يجب أن تكون ترويسة Authorization كلمة Bearer يليها رمز واحد.",
                fr: "L'en-tête Authorization doit être Bearer suivi d'un seul jeton.",
                en: "The Authorization header must be Bearer followed by one token.")
        case .missingHost:
            LocalizedText(
                ar: "يجب أن يحمل طلب HTTP/1.1 ترويسة Host.", fr: "Une requête HTTP/1.1 doit porter un en-tête Host.",
                en: "An HTTP/1.1 request must carry a Host header.")
        case .duplicateHost:
            LocalizedText(
                ar: "يجب أن يحمل الطلب ترويسة Host واحدة فقط.", fr: "Une requête doit porter un seul en-tête Host.",
                en: "A request must carry a single Host header.")
        case .conflictingFraming:
            LocalizedText(
                ar: "لا يجوز إرسال Content-Length وTransfer-Encoding معًا.",
                fr: "Content-Length et Transfer-Encoding ne doivent pas être envoyés ensemble.",
                en: "Content-Length and Transfer-Encoding must not both be sent.")
        case .invalidContentLength:
            LocalizedText(
                ar: "ترويسة Content-Length غير صالحة.", fr: "L'en-tête Content-Length n'est pas valide.",
                en: "The Content-Length header is invalid.")
        case .invalidTransferEncoding:
            LocalizedText(
                ar: "ترويسة Transfer-Encoding غير صالحة.", fr: "L'en-tête Transfer-Encoding n'est pas valide.",
                en: "The Transfer-Encoding header is invalid.")
        case .unsupportedTransferCoding:
            LocalizedText(
                ar: "لا يُدعم من ترميزات النقل إلا chunked.",
                fr: "Seul le codage de transfert chunked est pris en charge.",
                en: "Only the chunked transfer coding is supported.")
        case .invalidChunk:
            LocalizedText(
                ar: "أحد أجزاء الجسم (chunk) غير سليم.", fr: "Un segment (chunk) du corps est mal formé.",
                en: "A chunk of the body is malformed.")
        case .chunkLineTooLong:
            LocalizedText(
                ar: "سطر حجم الجزء مع امتداداته أطول من المسموح.",
                fr: "Une ligne de taille de segment, avec ses extensions, est trop longue.",
                en: "A chunk-size line with its extensions is too long.")
        case .bodyTooLarge:
            LocalizedText(
                ar: "جسم الطلب أكبر من المسموح.", fr: "Le corps de la requête dépasse la taille autorisée.",
                en: "The request body is larger than allowed.")
        case .incompleteBody:
            LocalizedText(
                ar: "انقطع جسم الطلب قبل اكتماله.", fr: "Le corps de la requête s'est interrompu avant sa fin.",
                en: "The request body ended before it was complete.")
        case .targetTooLong:
            LocalizedText(
                ar: "هدف الطلب أطول من المسموح.", fr: "La cible de la requête dépasse la longueur autorisée.",
                en: "The request-target is longer than allowed.")
        case .headerTooLarge:
            LocalizedText(
                ar: "قسم الترويسات أكبر من المسموح.", fr: "La section d'en-têtes dépasse la taille autorisée.",
                en: "The header section is larger than allowed.")
        case .tooManyHeaders:
            LocalizedText(
                ar: "عدد حقول الترويسة أكثر من المسموح.", fr: "La requête a plus de champs d'en-tête que permis.",
                en: "The request has more header fields than allowed.")
        case .trailersTooLarge:
            LocalizedText(
                ar: "قسم الترويسات الختامية أكبر من المسموح.",
                fr: "La section des trailers dépasse la taille autorisée.",
                en: "The trailer section is larger than allowed.")
        case .methodNotImplemented:
            LocalizedText(
                ar: "لا يدعم الخادم هذه الطريقة.", fr: "Le serveur ne prend pas en charge cette méthode.",
                en: "The server does not implement this method.")
        case .versionNotSupported:
            LocalizedText(
                ar: "لا يُدعم إلا HTTP/1.0 وHTTP/1.1.", fr: "Seuls HTTP/1.0 et HTTP/1.1 sont pris en charge.",
                en: "Only HTTP/1.0 and HTTP/1.1 are supported.")
        }
    }

    /// The messages that name something, rendered from typed arguments. Values a client sent are cut to 64
    /// characters and stripped of control characters, so a hostile value cannot make a message huge or break a
    /// terminal.
    public enum Message {
        /// `unsupported_media_type` for an upload: the accepted media types, or a mismatch with the first bytes.
        public static func unsupportedUpload(accepted: [String]) -> LocalizedText {
            let list = accepted.joined(separator: ", ")
            return LocalizedText(
                ar: "نوع الملف غير مقبول أو لا يطابق محتواه؛ المقبول: \(list).",
                fr: "Le type du fichier n'est pas accepté ou ne correspond pas à son contenu ; acceptés : \(list).",
                en: "The file's media type is not accepted or does not match its content; accepted: \(list).")
        }

        /// `out_of_scope`, saying what is outside the caller's scope.
        public static func outOfScope(_ subject: ScopeSubject) -> LocalizedText {
            switch subject {
            case .municipality(let code):
                LocalizedText(
                    ar: "البلدية \(quoted(code)) خارج نطاق صلاحياتك.",
                    fr: "La municipalité \(quoted(code)) est hors de votre périmètre.",
                    en: "The municipality \(quoted(code)) is outside your scope.")
            case .sector(let code):
                LocalizedText(
                    ar: "القطاع \(quoted(code)) خارج نطاق صلاحياتك.",
                    fr: "Le secteur \(quoted(code)) est hors de votre périmètre.",
                    en: "The sector \(quoted(code)) is outside your scope.")
            case .assignee(let name):
                LocalizedText(
                    ar: "لا يحق لـ \(quoted(name)) العمل على طابور هذه المهمة.",
                    fr: "\(quoted(name)) ne peut pas travailler la file de cette tâche.",
                    en: "\(quoted(name)) may not work this task's queue.")
            case .unnamedMunicipality:
                LocalizedText(
                    ar: "لك صلاحيات في عدة بلديات: حدّد إحداها.",
                    fr: "Vous travaillez dans plusieurs municipalités : indiquez-en une.",
                    en: "You work in several municipalities: name one.")
            }
        }

        /// `invalid_staff`, saying what is wrong.
        public static func invalidStaff(_ problem: StaffProblem) -> LocalizedText {
            let reason =
                switch problem {
                case .invalidName:
                    LocalizedText(
                        ar: "يتكون الاسم من 1 إلى 63 محرفًا من a-z و0-9 و. و_ و- ويبدأ بحرف أو رقم",
                        fr: "le nom compte de 1 à 63 caractères parmi a-z 0-9 . _ - et commence par une lettre "
                            + "ou un chiffre",
                        en: "the name must be 1-63 of a-z 0-9 . _ - and start with a letter or digit")
                case .clerkWithoutScope:
                    LocalizedText(
                        ar: "يحتاج الموظف إلى بلدية واحدة وقطاع واحد على الأقل",
                        fr: "un agent a besoin d'au moins une municipalité et un secteur",
                        en: "a clerk needs at least one municipality and one sector")
                case .supervisorWithoutMunicipality:
                    LocalizedText(
                        ar: "يحتاج المشرف إلى بلدية واحدة على الأقل",
                        fr: "un superviseur a besoin d'au moins une municipalité",
                        en: "a supervisor needs at least one municipality")
                case .sectorsOnlyForClerks:
                    LocalizedText(
                        ar: "لا يُربط بالقطاعات إلا الموظفون (clerk)",
                        fr: "seuls les agents (clerk) sont rattachés à des secteurs",
                        en: "only clerks are scoped to sectors")
                case .tokenLifetime(let days):
                    LocalizedText(
                        ar: "تتراوح صلاحية الرمز بين دقيقة واحدة و\(days) يومًا",
                        fr: "un jeton vit entre une minute et \(days) jours",
                        en: "a token lives between one minute and \(days) days")
                case .unknownMunicipality(let code):
                    LocalizedText(
                        ar: "بلدية غير معروفة \(quoted(code))", fr: "municipalité inconnue \(quoted(code))",
                        en: "unknown municipality \(quoted(code))")
                case .unknownSector(let code):
                    LocalizedText(
                        ar: "قطاع غير معروف \(quoted(code))", fr: "secteur inconnu \(quoted(code))",
                        en: "unknown sector \(quoted(code))")
                case .invalidEmail(let address):
                    LocalizedText(
                        ar: "\(quoted(address)) ليس عنوان بريد إلكتروني",
                        fr: "\(quoted(address)) n'est pas une adresse électronique",
                        en: "\(quoted(address)) is not an e-mail address")
                case .invalidPhone(let phone):
                    LocalizedText(
                        ar: "\(quoted(phone)) ليس رقم هاتف بصيغة E.164 (+218912345678)",
                        fr: "\(quoted(phone)) n'est pas un numéro au format E.164 (+218912345678)",
                        en: "\(quoted(phone)) is not a phone number in E.164 (+218912345678)")
                }
            return invalidStaff(reason)
        }

        /// `invalid_webhook`, saying what is wrong.
        public static func invalidWebhook(_ problem: WebhookProblem) -> LocalizedText {
            let reason =
                switch problem {
                case .invalidURL(let detail):
                    // The detail is English (it names URL syntax) and follows "the URL".
                    LocalizedText(
                        ar: "العنوان (URL) مرفوض: the URL \(clean(detail))",
                        fr: "URL refusée : the URL \(clean(detail))", en: "the URL \(clean(detail))")
                case .unknownEventType(let name):
                    LocalizedText(
                        ar: "نوع حدث غير معروف \(quoted(name))", fr: "type d'événement inconnu \(quoted(name))",
                        en: "unknown event type \(quoted(name))")
                case .unknownMunicipality(let code):
                    LocalizedText(
                        ar: "بلدية غير معروفة \(quoted(code))", fr: "municipalité inconnue \(quoted(code))",
                        en: "unknown municipality \(quoted(code))")
                case .unknownSector(let code):
                    LocalizedText(
                        ar: "قطاع غير معروف \(quoted(code))", fr: "secteur inconnu \(quoted(code))",
                        en: "unknown sector \(quoted(code))")
                }
            return invalidWebhook(reason)
        }

        fileprivate static func invalidWebhook(_ reason: LocalizedText) -> LocalizedText {
            LocalizedText(
                ar: "الاشتراك غير صالح: \(reason.ar)", fr: "Abonnement invalide : \(reason.fr)",
                en: "Invalid webhook: \(reason.en)")
        }

        fileprivate static func invalidStaff(_ reason: LocalizedText) -> LocalizedText {
            LocalizedText(
                ar: "بيانات الموظف غير صالحة: \(reason.ar)", fr: "Agent invalide : \(reason.fr)",
                en: "Invalid staff member: \(reason.en)")
        }

        /// `staff_not_found`, naming who was looked for.
        public static func staffNotFound(name: String) -> LocalizedText {
            let name = clean(name)
            return LocalizedText(
                ar: "لا يوجد موظف باسم \(name).", fr: "Aucun agent nommé \(name).",
                en: "No staff member is named \(name).")
        }

        /// `staff_inactive`, naming the deactivated member.
        public static func staffInactive(name: String) -> LocalizedText {
            let name = clean(name)
            return LocalizedText(
                ar: "الموظف \(name) موقوف ولا تُسند إليه مهام.",
                fr: "L'agent \(name) est désactivé : aucune tâche ne peut lui être confiée.",
                en: "The staff member \(name) is deactivated and cannot be given tasks.")
        }

        /// `task_claimed`, naming who holds the task.
        public static func taskClaimed(by assignee: String) -> LocalizedText {
            let assignee = clean(assignee)
            return LocalizedText(
                ar: "المهمة محجوزة لدى \(assignee).", fr: "La tâche est prise par \(assignee).",
                en: "The task is claimed by \(assignee).")
        }

        /// `task_not_open`, naming the task's status.
        public static func taskNotOpen(status: TaskStatus) -> LocalizedText {
            taskNotOpen(statusText: status.rawValue)
        }

        fileprivate static func taskNotOpen(statusText status: String) -> LocalizedText {
            LocalizedText(
                ar: "لا يمكن حجز مهمة حالتها \(status).", fr: "Une tâche au statut \(status) ne peut être prise.",
                en: "A task whose status is \(status) cannot be claimed.")
        }

        /// `invalid_transition` for a task: the action and the status that does not allow it.
        public static func invalidTransition(_ action: TransitionAction, status: TaskStatus) -> LocalizedText {
            let verb =
                switch action {
                case .claim: LocalizedText(ar: "الحجز", fr: "prendre", en: "claim")
                case .release: LocalizedText(ar: "الإرجاع إلى الطابور", fr: "libérer", en: "release")
                case .approve: LocalizedText(ar: "الموافقة", fr: "approuver", en: "approve")
                case .reject: LocalizedText(ar: "الرفض", fr: "rejeter", en: "reject")
                case .requestInformation:
                    LocalizedText(ar: "طلب معلومات", fr: "demander des informations", en: "request information on")
                case .forward: LocalizedText(ar: "الإحالة", fr: "transmettre", en: "forward")
                }
            return invalidTransition(action: verb, statusText: status.rawValue)
        }

        fileprivate static func invalidTransition(action: LocalizedText, statusText status: String) -> LocalizedText {
            LocalizedText(
                ar: "لا يمكن تنفيذ «\(action.ar)» على مهمة حالتها «\(status)».",
                fr: "Action « \(action.fr) » impossible sur une tâche à l'état « \(status) ».",
                en: "Cannot \(action.en) a task that is \(status).")
        }

        /// `invalid_transition` for a citizen's cancellation that comes too late.
        public static func requestNotCancellable(status: RequestStatus) -> LocalizedText {
            LocalizedText(
                ar: "لا يمكن إلغاء الطلب: حالته «\(status.rawValue)» أو صدر فيه قرار.",
                fr: "La demande ne peut plus être annulée : elle est « \(status.rawValue) » ou une décision a "
                    + "été prise.",
                en: "The request can no longer be cancelled: it is \(status.rawValue) or a decision has been made.")
        }

        /// `unknown_municipality`, echoing the code asked for.
        public static func unknownMunicipality(code: String) -> LocalizedText {
            LocalizedText(
                ar: "لا توجد بلدية بالرمز \(quoted(code)).", fr: "Aucune commune n'a le code \(quoted(code)).",
                en: "No municipality has the code \(quoted(code)).")
        }

        /// `unknown_service`, echoing the code asked for.
        public static func unknownService(code: String) -> LocalizedText {
            LocalizedText(
                ar: "لا توجد خدمة بالرمز \(quoted(code)).", fr: "Aucun service n'a le code \(quoted(code)).",
                en: "No service has the code \(quoted(code)).")
        }

        /// `service_not_offered`, echoing the service and the municipality.
        public static func serviceNotOffered(service: String, municipality: String) -> LocalizedText {
            LocalizedText(
                ar: "الخدمة \(quoted(service)) غير متاحة حالياً في البلدية \(quoted(municipality)).",
                fr: "Le service \(quoted(service)) n'est pas proposé actuellement dans la commune "
                    + "\(quoted(municipality)).",
                en: "The service \(quoted(service)) is not offered in the municipality \(quoted(municipality)) now.")
        }

        /// `invalid_parameter`, naming the report's query parameter.
        public static func invalidParameter(name: String) -> LocalizedText {
            LocalizedText(
                ar: "قيمة معامل الاستعلام \(quoted(name)) غير صالحة.",
                fr: "Le paramètre de requête \(quoted(name)) a une valeur invalide.",
                en: "The query parameter \(quoted(name)) has an invalid value.")
        }

        /// `invalid_parameter` for a date out of the range every date parameter must fall in.
        public static func dateOutOfRange(name: String, earliest: String, latest: String) -> LocalizedText {
            LocalizedText(
                ar: "يجب أن يكون معامل الاستعلام \(quoted(name)) تاريخًا صالحًا بين \(earliest) و\(latest).",
                fr: "Le paramètre de requête \(quoted(name)) doit être une date valide entre \(earliest) et "
                    + "\(latest).",
                en: "The query parameter \(quoted(name)) must be a valid date from \(earliest) to \(latest).")
        }

        /// `body_too_complex`, naming the limit the body passed.
        public static func bodyTooComplex(_ limit: JSONLimit) -> LocalizedText {
            let text =
                switch limit {
                case .depth(let maximum):
                    LocalizedText(
                        ar: "عمق تداخل يتجاوز \(maximum)", fr: "une imbrication de plus de \(maximum) niveaux",
                        en: "nesting deeper than \(maximum) levels")
                case .members(let maximum):
                    LocalizedText(
                        ar: "كائن فيه أكثر من \(maximum) عضوًا", fr: "un objet de plus de \(maximum) membres",
                        en: "an object with more than \(maximum) members")
                case .elements(let maximum):
                    LocalizedText(
                        ar: "قائمة فيها أكثر من \(maximum) عنصرًا", fr: "une liste de plus de \(maximum) éléments",
                        en: "a list with more than \(maximum) elements")
                case .values(let maximum):
                    LocalizedText(
                        ar: "أكثر من \(maximum) قيمة", fr: "plus de \(maximum) valeurs en tout",
                        en: "more than \(maximum) values in all")
                }
            return bodyTooComplex(limitText: text)
        }

        fileprivate static func bodyTooComplex(limitText limit: LocalizedText) -> LocalizedText {
            LocalizedText(
                ar: "جسم JSON يتجاوز حدود الواجهة: \(limit.ar).",
                fr: "Le corps JSON dépasse les limites de l'API : \(limit.fr).",
                en: "The JSON body passes the API's limits: \(limit.en).")
        }

        /// `invalid_query` for a listing's parameter, saying what it must be.
        public static func invalidQuery(parameter: String, expected: QueryExpectation) -> LocalizedText {
            let name = quoted(parameter)
            switch expected {
            case .oneOf(let words):
                return LocalizedText(
                    ar: "يجب أن تكون قيمة معامل الاستعلام \(name) إحدى القيم: \(words.joined(separator: "، ")).",
                    fr: "Le paramètre de requête \(name) doit valoir l'une de ces valeurs : "
                        + "\(words.joined(separator: ", ")).",
                    en: "The query parameter \(name) must be one of: \(words.joined(separator: ", ")).")
            case .boolean:
                return LocalizedText(
                    ar: "يجب أن تكون قيمة معامل الاستعلام \(name) true أو false.",
                    fr: "Le paramètre de requête \(name) doit valoir true ou false.",
                    en: "The query parameter \(name) must be true or false.")
            case .positiveInteger:
                return LocalizedText(
                    ar: "يجب أن تكون قيمة معامل الاستعلام \(name) عددًا صحيحًا موجبًا.",
                    fr: "Le paramètre de requête \(name) doit être un entier positif.",
                    en: "The query parameter \(name) must be a positive whole number.")
            }
        }

        /// A client's value in quotes, cleaned.
        private static func quoted(_ text: String) -> String {
            "‘" + clean(text) + "’"
        }

        /// At most 64 characters, without control, format or private-use characters.
        private static func clean(_ text: String) -> String {
            let kept = text.unicodeScalars.filter { scalar in
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                    false
                default:
                    true
                }
            }
            return String(String.UnicodeScalarView(kept.prefix(64))) + (kept.count > 64 ? "…" : "")
        }
    }
}
