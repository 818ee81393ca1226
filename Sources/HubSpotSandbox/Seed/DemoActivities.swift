/// Notes, calls, tasks, meetings and emails for the demo account, tied to its records.
enum DemoActivities {
    static func add(_ e: SandboxEngine, contacts: [Int], companies: [Int], deals: [Int], owners: [String], picker: inout DemoData.Picker) {
        guard let contactType = try? e.objectType("contacts"), let companyType = try? e.objectType("companies"),
              let dealType = try? e.objectType("deals"), let notes = try? e.objectType("notes"), let calls = try? e.objectType("calls"),
              let tasks = try? e.objectType("tasks"), let meetings = try? e.objectType("meetings"), let emails = try? e.objectType("emails")
        else { return }
        let day = DemoData.day
        for i in 0..<40 {
            guard !contacts.isEmpty, !companies.isEmpty else { return }
            let contact = contacts[(i * 5) % contacts.count]
            let company = companies[(i * 3) % companies.count]
            let when = Timestamp.iso(DemoData.base + Int64(35 + i) * day + Int64(i % 8) * 3_600_000)
            e.now = DemoData.base + Int64(35 + i) * day
            let owner = JSON.string(owners[i % owners.count])
            let record: Record?
            let type: ObjectType
            switch i % 5 {
            case 0:
                type = notes
                record = try? e.createRecord(notes, [("hs_timestamp", .string(when)), ("hubspot_owner_id", owner),
                                                     ("hs_note_body", .string(picker.pick(DemoTables.noteBodies)))])
            case 1:
                type = calls
                record = try? e.createRecord(calls, [("hs_timestamp", .string(when)), ("hubspot_owner_id", owner),
                                                     ("hs_call_title", "Discovery call"), ("hs_call_body", "Talked through current tooling and timeline."),
                                                     ("hs_call_duration", .string(String(300_000 + i * 20_000))), ("hs_call_direction", "OUTBOUND"),
                                                     ("hs_call_status", "COMPLETED")])
            case 2:
                type = tasks
                record = try? e.createRecord(tasks, [("hs_timestamp", .string(when)), ("hubspot_owner_id", owner),
                                                     ("hs_task_subject", .string(picker.pick(DemoTables.taskSubjects))),
                                                     ("hs_task_status", .string(i % 3 == 0 ? "COMPLETED" : "NOT_STARTED")),
                                                     ("hs_task_priority", .string(["LOW", "MEDIUM", "HIGH"][i % 3])), ("hs_task_type", "TODO")])
            case 3:
                type = meetings
                record = try? e.createRecord(meetings, [("hs_timestamp", .string(when)), ("hubspot_owner_id", owner),
                                                        ("hs_meeting_title", "Product demo"), ("hs_meeting_body", "Walkthrough for the buying committee."),
                                                        ("hs_meeting_start_time", .string(when)),
                                                        ("hs_meeting_end_time", .string(Timestamp.iso(DemoData.base + Int64(35 + i) * day + Int64(i % 8) * 3_600_000 + 1_800_000))),
                                                        ("hs_meeting_outcome", .string(i % 2 == 0 ? "COMPLETED" : "SCHEDULED"))])
            default:
                type = emails
                record = try? e.createRecord(emails, [("hs_timestamp", .string(when)), ("hubspot_owner_id", owner),
                                                      ("hs_email_subject", "Following up"), ("hs_email_text", "Thanks for your time today — notes attached."),
                                                      ("hs_email_direction", "EMAIL"), ("hs_email_status", "SENT")])
            }
            guard let record else { continue }
            try? e.associate(type, record.id, contactType, contact, typeIds: [])
            try? e.associate(type, record.id, companyType, company, typeIds: [])
            if !deals.isEmpty, i % 2 == 0 { try? e.associate(type, record.id, dealType, deals[i % deals.count], typeIds: []) }
        }
    }
}
