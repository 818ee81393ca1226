import Foundation

/// The demo account: a small B2B company's CRM with owners, companies and their
/// contacts, deals across the sales pipeline, tickets, activities, a list, a form and a
/// workflow. Everything is derived from fixed tables and a fixed-seed generator, so ids,
/// names and dates are the same on every run.
enum DemoData {
    /// 2025-01-06T09:00:00Z: demo records are dated from here.
    static let base: Int64 = 1_736_154_000_000
    static let day: Int64 = 86_400_000
    static let formId = "5f1c9a2e-7b3d-4e8a-9c61-2d4b8e0f7a13"

    /// Deterministic choices (LCG), so the data never depends on the run.
    struct Picker {
        var state: UInt64 = 20_250_106
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static func populate(_ state: inout SandboxState, now: Int64) {
        let engine = SandboxEngine(state: state, options: .unlimited)
        engine.now = base
        build(engine)
        engine.state.auditLog = []
        state = engine.state
    }

    private static func build(_ e: SandboxEngine) {
        var pick = Picker()
        e.state.owners = DemoTables.owners.enumerated().map { i, o in
            Owner(id: 70_000_001 + i, userId: 9_100_001 + i, email: o.2, firstName: o.0, lastName: o.1, teamName: o.3,
                  createdAt: base - 90 * day, updatedAt: base - 90 * day)
        }
        let ownerIds = e.state.owners.map { String($0.id) }
        guard let contacts = try? e.objectType("contacts"), let companies = try? e.objectType("companies"),
              let deals = try? e.objectType("deals"), let tickets = try? e.objectType("tickets") else { return }

        var companyIds: [Int] = []
        var contactIds: [Int] = []
        var contactsByCompany: [[Int]] = []
        for (i, c) in DemoTables.companies.enumerated() {
            e.now = base + Int64(i) * day / 2
            let props: [(String, JSON)] = [
                ("name", .string(c.name)), ("domain", .string(c.domain)), ("industry", .string(c.industry)), ("city", .string(c.city)),
                ("country", .string(c.country)), ("numberofemployees", .string(String(c.employees))),
                ("annualrevenue", .string(String(c.employees * 120_000))), ("phone", .string("+1 555 01\(String(format: "%02d", i))")),
                ("website", .string("https://www.\(c.domain)")), ("hubspot_owner_id", .string(ownerIds[i % ownerIds.count])),
                ("lifecyclestage", .string(i % 3 == 0 ? "customer" : (i % 3 == 1 ? "opportunity" : "lead"))),
            ]
            guard let company = try? e.createRecord(companies, props) else { continue }
            companyIds.append(company.id)
            var members: [Int] = []
            for k in 0..<(2 + i % 3) {
                let first = pick.pick(DemoTables.firstNames), last = pick.pick(DemoTables.lastNames)
                let email = "\(first.lowercased()).\(last.lowercased())\(k == 0 ? "" : String(k))@\(c.domain)"
                let contactProps: [(String, JSON)] = [
                    ("email", .string(email)), ("firstname", .string(first)), ("lastname", .string(last)),
                    ("jobtitle", .string(pick.pick(DemoTables.titles))), ("company", .string(c.name)), ("city", .string(c.city)),
                    ("country", .string(c.country)), ("phone", .string("+1 555 2\(String(format: "%02d", i))\(k)")),
                    ("lifecyclestage", .string(pick.pick(["lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"]))),
                    ("hs_lead_status", .string(pick.pick(["NEW", "OPEN", "IN_PROGRESS", "CONNECTED"]))),
                    ("hubspot_owner_id", .string(ownerIds[(i + k) % ownerIds.count])),
                ]
                e.now += 3_600_000
                guard let contact = try? e.createRecord(contacts, contactProps) else { continue }
                contactIds.append(contact.id)
                members.append(contact.id)
                let primary = AssociationStore.Kind(category: "HUBSPOT_DEFINED", typeId: 1)
                let unlabeled = AssociationStore.Kind(category: "HUBSPOT_DEFINED", typeId: 279)
                try? e.associate(contacts, contact.id, companies, company.id, typeIds: [unlabeled, primary])
            }
            contactsByCompany.append(members)
        }

        let stages = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"]
        var dealIds: [Int] = []
        for (i, companyId) in companyIds.enumerated() {
            for k in 0..<(i % 4 == 3 ? 2 : 1) {
                let stage = stages[(i * 3 + k) % stages.count]
                let product = pick.pick(DemoTables.products)
                e.now = base + Int64(20 + i) * day
                let props: [(String, JSON)] = [
                    ("dealname", .string("\(DemoTables.companies[i].name) – \(product.0)")),
                    ("amount", .string(String(product.1 * (1 + pick.next(5))))), ("pipeline", "default"), ("dealstage", .string(stage)),
                    ("closedate", .string(Timestamp.iso(base + Int64(45 + i * 3 + k * 20) * day))),
                    ("dealtype", .string(k == 0 ? "newbusiness" : "existingbusiness")),
                    ("hubspot_owner_id", .string(ownerIds[i % ownerIds.count])),
                ]
                guard let deal = try? e.createRecord(deals, props) else { continue }
                dealIds.append(deal.id)
                try? e.associate(deals, deal.id, companies, companyId, typeIds: [.init(category: "HUBSPOT_DEFINED", typeId: 5), .init(category: "HUBSPOT_DEFINED", typeId: 341)])
                for c in contactsByCompany[i].prefix(2) { try? e.associate(deals, deal.id, contacts, c, typeIds: []) }
            }
        }

        var ticketIds: [Int] = []
        for i in 0..<16 {
            let companyIndex = (i * 7) % companyIds.count
            e.now = base + Int64(30 + i * 2) * day
            let props: [(String, JSON)] = [
                ("subject", .string(DemoTables.ticketSubjects[i % DemoTables.ticketSubjects.count])),
                ("content", .string("Reported by \(DemoTables.companies[companyIndex].name).")), ("hs_pipeline", "0"),
                ("hs_pipeline_stage", .string(["1", "2", "3", "4"][i % 4])),
                ("hs_ticket_priority", .string(["LOW", "MEDIUM", "HIGH", "URGENT"][i % 4])),
                ("hs_ticket_category", .string(["PRODUCT_ISSUE", "BILLING_ISSUE", "FEATURE_REQUEST", "GENERAL_INQUIRY"][(i / 2) % 4])),
                ("hubspot_owner_id", .string(ownerIds[(i + 2) % ownerIds.count])),
            ]
            guard let ticket = try? e.createRecord(tickets, props) else { continue }
            ticketIds.append(ticket.id)
            try? e.associate(tickets, ticket.id, companies, companyIds[companyIndex], typeIds: [])
            if let c = contactsByCompany[companyIndex].first { try? e.associate(tickets, ticket.id, contacts, c, typeIds: []) }
        }

        DemoActivities.add(e, contacts: contactIds, companies: companyIds, deals: dealIds, owners: ownerIds, picker: &pick)

        e.now = base + 60 * day
        e.state.lists.append(CRMList(listId: 9001, name: "Newsletter subscribers", objectTypeId: "0-1", processingType: "MANUAL",
                                     members: contactIds.enumerated().filter { $0.offset % 4 == 0 }.map { .init(recordId: $0.element, addedAt: e.now) },
                                     createdAt: e.now, updatedAt: e.now))
        e.state.forms.append(Form(id: formId, name: "Contact us", fields: [
            .init(name: "email", label: "Email", fieldType: "email", required: true),
            .init(name: "firstname", label: "First name", fieldType: "single_line_text", required: false),
            .init(name: "lastname", label: "Last name", fieldType: "single_line_text", required: false),
            .init(name: "company", label: "Company name", fieldType: "single_line_text", required: false),
        ], createdAt: e.now, updatedAt: e.now))
        e.state.workflows = [
            Workflow(id: 31_000_001, name: "Welcome series", isEnabled: true, createdAt: e.now, updatedAt: e.now),
            Workflow(id: 31_000_002, name: "Re-engage cold leads", isEnabled: false, createdAt: e.now, updatedAt: e.now),
        ]
    }
}
