/// Fixed tables the demo account is built from (fictional companies and people).
enum DemoTables {
    struct Company {
        var name: String
        var domain: String
        var industry: String
        var city: String
        var country: String
        var employees: Int
    }

    static let owners: [(String, String, String, String)] = [
        ("Maya", "Okafor", "maya.okafor@northwind-demo.com", "Sales"),
        ("Lukas", "Brenner", "lukas.brenner@northwind-demo.com", "Sales"),
        ("Priya", "Raman", "priya.raman@northwind-demo.com", "Sales"),
        ("Tom", "Whitaker", "tom.whitaker@northwind-demo.com", "Support"),
        ("Elena", "Sokolova", "elena.sokolova@northwind-demo.com", "Support"),
    ]

    static let companies: [Company] = [
        .init(name: "Brightwater Analytics", domain: "brightwater-analytics.com", industry: "COMPUTER_SOFTWARE", city: "Boston", country: "United States", employees: 120),
        .init(name: "Copperleaf Logistics", domain: "copperleaf-logistics.com", industry: "LOGISTICS_AND_SUPPLY_CHAIN", city: "Rotterdam", country: "Netherlands", employees: 640),
        .init(name: "Granite Peak Construction", domain: "granitepeak.build", industry: "CONSTRUCTION", city: "Denver", country: "United States", employees: 310),
        .init(name: "Harborview Health", domain: "harborviewhealth.org", industry: "HOSPITAL_HEALTH_CARE", city: "Seattle", country: "United States", employees: 2200),
        .init(name: "Juniper Ledger", domain: "juniperledger.com", industry: "ACCOUNTING", city: "Toronto", country: "Canada", employees: 45),
        .init(name: "Kestrel Retail Group", domain: "kestrelretail.com", industry: "RETAIL", city: "Manchester", country: "United Kingdom", employees: 980),
        .init(name: "Lumen Solar Works", domain: "lumensolar.energy", industry: "RENEWABLES_ENVIRONMENT", city: "Austin", country: "United States", employees: 150),
        .init(name: "Meridian Capital Partners", domain: "meridiancap.com", industry: "FINANCIAL_SERVICES", city: "New York", country: "United States", employees: 75),
        .init(name: "Northstar Learning", domain: "northstarlearning.edu", industry: "EDUCATION_MANAGEMENT", city: "Chicago", country: "United States", employees: 260),
        .init(name: "Oakridge Foods", domain: "oakridgefoods.com", industry: "FOOD_BEVERAGES", city: "Lyon", country: "France", employees: 530),
        .init(name: "Pinecrest IT Services", domain: "pinecrest-it.com", industry: "INFORMATION_TECHNOLOGY_AND_SERVICES", city: "Dublin", country: "Ireland", employees: 90),
        .init(name: "Quarry Lane Media", domain: "quarrylane.media", industry: "MARKETING_AND_ADVERTISING", city: "London", country: "United Kingdom", employees: 35),
        .init(name: "Redwood Robotics", domain: "redwoodrobotics.ai", industry: "COMPUTER_SOFTWARE", city: "San Jose", country: "United States", employees: 210),
        .init(name: "Saltmarsh Seafood Co", domain: "saltmarsh-seafood.com", industry: "FOOD_BEVERAGES", city: "Halifax", country: "Canada", employees: 140),
        .init(name: "Tidewell Insurance", domain: "tidewell.insure", industry: "FINANCIAL_SERVICES", city: "Hartford", country: "United States", employees: 1400),
        .init(name: "Umber & Finch Architects", domain: "umberfinch.com", industry: "CONSTRUCTION", city: "Copenhagen", country: "Denmark", employees: 28),
        .init(name: "Vantage Point Security", domain: "vantagepointsec.com", industry: "INFORMATION_TECHNOLOGY_AND_SERVICES", city: "Tel Aviv", country: "Israel", employees: 180),
        .init(name: "Willowbrook Clinics", domain: "willowbrookclinics.com", industry: "HOSPITAL_HEALTH_CARE", city: "Melbourne", country: "Australia", employees: 720),
        .init(name: "Xylo Music Labs", domain: "xylomusic.io", industry: "COMPUTER_SOFTWARE", city: "Berlin", country: "Germany", employees: 60),
        .init(name: "Yellowfield Farms", domain: "yellowfieldfarms.com", industry: "FOOD_BEVERAGES", city: "Des Moines", country: "United States", employees: 95),
        .init(name: "Zephyr Air Systems", domain: "zephyrair.com", industry: "CONSTRUCTION", city: "Phoenix", country: "United States", employees: 340),
        .init(name: "Aurora Biotech", domain: "aurorabiotech.com", industry: "HOSPITAL_HEALTH_CARE", city: "Cambridge", country: "United Kingdom", employees: 410),
        .init(name: "Bluebell Boutique Hotels", domain: "bluebellhotels.com", industry: "RETAIL", city: "Lisbon", country: "Portugal", employees: 220),
        .init(name: "Cobalt Freight", domain: "cobaltfreight.com", industry: "LOGISTICS_AND_SUPPLY_CHAIN", city: "Hamburg", country: "Germany", employees: 860),
        .init(name: "Driftwood Design Studio", domain: "driftwooddesign.co", industry: "MARKETING_AND_ADVERTISING", city: "Portland", country: "United States", employees: 18),
        .init(name: "Evergreen Wealth", domain: "evergreenwealth.com", industry: "FINANCIAL_SERVICES", city: "Zurich", country: "Switzerland", employees: 130),
        .init(name: "Foxglove Pharmacy", domain: "foxglovepharmacy.com", industry: "RETAIL", city: "Leeds", country: "United Kingdom", employees: 75),
        .init(name: "Glacier Data Centers", domain: "glacierdc.com", industry: "INFORMATION_TECHNOLOGY_AND_SERVICES", city: "Reykjavik", country: "Iceland", employees: 110),
        .init(name: "Hollowtree Academy", domain: "hollowtree.academy", industry: "EDUCATION_MANAGEMENT", city: "Edinburgh", country: "United Kingdom", employees: 55),
        .init(name: "Ironbark Mining Software", domain: "ironbark.software", industry: "COMPUTER_SOFTWARE", city: "Perth", country: "Australia", employees: 140),
    ]

    static let firstNames = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Isabella", "Ethan", "Mia", "Arjun",
                             "Amara", "Kenji", "Chloe", "Diego", "Freya", "Hugo", "Ingrid", "Jonas", "Leila", "Marcus", "Nadia", "Oscar",
                             "Rosa", "Samuel", "Tara", "Viktor", "Yara", "Zoe"]
    static let lastNames = ["Anderson", "Baker", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
                            "Larsen", "Moreau", "Nakamura", "O'Brien", "Patel", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
                            "Walsh", "Yilmaz", "Zhang", "Nguyen", "Silva", "Murphy", "Kim", "Novak"]
    static let titles = ["CEO", "CTO", "VP Sales", "Head of Operations", "Marketing Manager", "IT Director", "Procurement Lead",
                         "Finance Manager", "Product Owner", "Office Manager"]
    static let products: [(String, Int)] = [("Platform licence", 12_000), ("Onboarding package", 4_500), ("Support plan", 3_000),
                                            ("Analytics add-on", 6_000), ("Enterprise upgrade", 25_000)]
    static let ticketSubjects = ["Cannot log in after password reset", "Invoice shows wrong VAT", "Export to CSV times out",
                                 "Request: dark mode", "Sync with calendar fails", "Question about seat pricing", "API returns 500 on bulk update",
                                 "Add SSO for our team"]
    static let noteBodies = ["Budget approved for Q3; decision expected next month.", "Champion is moving teams — find a new sponsor.",
                             "Asked for a security questionnaire.", "Competitor evaluation in progress.", "Happy with onboarding so far."]
    static let taskSubjects = ["Send proposal", "Follow up on pricing", "Schedule technical review", "Share case study", "Confirm renewal date"]
}
