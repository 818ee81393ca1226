/// Builds the starting state for a seed.
enum SeedBuilder {
    static func build(_ seed: SandboxSeed, now: Int64) -> SandboxState {
        var state = SandboxState()
        state.epoch = now
        for type in ObjectType.standardTypes {
            var defs: [String: PropertyDefinition] = [:]
            for var d in StandardProperties.definitions(for: type) {
                d.createdAt = 1_577_836_800_000
                d.updatedAt = 1_577_836_800_000
                defs[d.name] = d
            }
            state.properties[type.name] = defs
            state.propertyGroups[type.name] = StandardProperties.groups(for: type)
            state.stores[type.name] = ObjectStore()
        }
        state.pipelines = DefaultPipelines.all()
        if seed == .demo { DemoData.populate(&state, now: now) }
        return state
    }
}
