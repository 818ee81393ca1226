public enum HubSpotSpecsPlaceholder {}
