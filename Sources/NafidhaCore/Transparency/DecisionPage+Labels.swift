import NafidhaContract

extension DecisionPage {
    /// The page's words in one language.
    struct Labels {
        var title: String
        var service: String
        var municipality: String
        var applicant: String
        var nationalID: String
        var decidedAt: String
        var approved: String
        var rejected: String
        var sectors: String
        var stage: String
        var sector: String
        var decision: String
        var date: String
        var decided: (approved: String, rejected: String, cancelled: String)
        var verifyTitle: String
        var verifyText: String
        var logEntry: (Int64, Int64, String) -> String

        /// What a step's decision is called.
        func decisionName(_ status: TaskStatus) -> String {
            switch status {
            case .approved: decided.approved
            case .rejected: decided.rejected
            default: decided.cancelled
            }
        }
    }

    static func labels(_ language: Language) -> Labels {
        switch language {
        case .arabic:
            Labels(
                title: "قرار بشأن الطلب", service: "الخدمة", municipality: "البلدية", applicant: "مقدّم الطلب",
                nationalID: "الرقم الوطني", decidedAt: "تاريخ القرار", approved: "الطلب مقبول",
                rejected: "الطلب مرفوض", sectors: "قرارات القطاعات", stage: "المرحلة", sector: "القطاع",
                decision: "القرار", date: "التاريخ", decided: ("موافقة", "رفض", "لم يُبتّ فيه (رُفض الطلب)"),
                verifyTitle: "التحقق من هذه الوثيقة",
                verifyText:
                    "امسح الرمز أو افتح العنوان أدناه: يؤكد الخادم أن هذا القرار مسجّل في سجل التدقيق الموقّع للبلدية "
                    + "ولم يُغيَّر. ويمكن التحقق من نسخة JSON دون اتصال بالمفتاح العمومي للبلدية.",
                logEntry: { entry, size, code in
                    "القيد رقم \(entry) من \(size) في سجل التدقيق الموقّع لـ \(code)."
                })
        case .french:
            Labels(
                title: "Décision sur la demande", service: "Service", municipality: "Municipalité",
                applicant: "Demandeur", nationalID: "Numéro national", decidedAt: "Date de la décision",
                approved: "Demande approuvée", rejected: "Demande rejetée", sectors: "Décisions des secteurs",
                stage: "Étape", sector: "Secteur", decision: "Décision", date: "Date",
                decided: ("Approuvée", "Rejetée", "Sans objet (demande rejetée)"),
                verifyTitle: "Vérifier ce document",
                verifyText:
                    "Scannez le code ou ouvrez l'adresse ci-dessous : le serveur confirme que cette décision est "
                    + "inscrite au journal d'audit signé de la municipalité, sans modification. La version JSON se "
                    + "vérifie hors ligne avec la clé publique de la municipalité.",
                logEntry: { entry, size, code in
                    "Entrée n° \(entry) sur \(size) du journal d'audit signé de \(code)."
                })
        case .english:
            Labels(
                title: "Decision on request", service: "Service", municipality: "Municipality", applicant: "Applicant",
                nationalID: "National ID", decidedAt: "Decided on", approved: "Request approved",
                rejected: "Request rejected", sectors: "Decisions of the sectors", stage: "Stage", sector: "Sector",
                decision: "Decision", date: "Date", decided: ("Approved", "Rejected", "Not decided (request rejected)"),
                verifyTitle: "Verify this document",
                verifyText:
                    "Scan the code or open the address below: the server confirms that this decision is recorded, "
                    + "unchanged, in the municipality's signed audit log. The JSON version verifies offline with the "
                    + "municipality's public key.",
                logEntry: { entry, size, code in "Entry \(entry) of \(size) in the signed audit log of \(code)." })
        }
    }
}
