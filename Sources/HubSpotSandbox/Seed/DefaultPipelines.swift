/// The pipelines every HubSpot account starts with, with HubSpot's stage ids.
enum DefaultPipelines {
    static let created: Int64 = 1_577_836_800_000

    private static func stage(_ id: String, _ label: String, _ order: Int, _ meta: [String: String]) -> Pipeline.Stage {
        Pipeline.Stage(id: id, label: label, displayOrder: order, metadata: meta, createdAt: created, updatedAt: created)
    }

    static func all() -> [String: [Pipeline]] {
        let dealStages: [(String, String, String, Bool)] = [
            ("appointmentscheduled", "Appointment Scheduled", "0.2", false), ("qualifiedtobuy", "Qualified To Buy", "0.4", false),
            ("presentationscheduled", "Presentation Scheduled", "0.6", false), ("decisionmakerboughtin", "Decision Maker Bought-In", "0.8", false),
            ("contractsent", "Contract Sent", "0.9", false), ("closedwon", "Closed Won", "1.0", true), ("closedlost", "Closed Lost", "0.0", true),
        ]
        let deals = Pipeline(
            id: "default", label: "Sales Pipeline", displayOrder: 0,
            stages: dealStages.enumerated().map { i, s in stage(s.0, s.1, i, ["probability": s.2, "isClosed": s.3 ? "true" : "false"]) },
            createdAt: created, updatedAt: created)
        let ticketStages: [(String, String, String)] = [("1", "New", "OPEN"), ("2", "Waiting on contact", "OPEN"), ("3", "Waiting on us", "OPEN"), ("4", "Closed", "CLOSED")]
        let tickets = Pipeline(
            id: "0", label: "Support Pipeline", displayOrder: 0,
            stages: ticketStages.enumerated().map { i, s in stage(s.0, s.1, i, ["ticketState": s.2, "isClosed": s.2 == "CLOSED" ? "true" : "false"]) },
            createdAt: created, updatedAt: created)
        let leadStages: [(String, String)] = [("new-stage-id", "New"), ("attempting-stage-id", "Attempting"), ("connected-stage-id", "Connected"),
                                              ("qualified-stage-id", "Qualified"), ("unqualified-stage-id", "Disqualified")]
        let leads = Pipeline(
            id: "lead-pipeline-id", label: "Lead pipeline", displayOrder: 0,
            stages: leadStages.enumerated().map { i, s in stage(s.0, s.1, i, [:]) }, createdAt: created, updatedAt: created)
        return ["deals": [deals], "tickets": [tickets], "leads": [leads]]
    }
}
