public enum HubSpotLuaPlaceholder {}
