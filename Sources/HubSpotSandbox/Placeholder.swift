public enum HubSpotSandboxPlaceholder {}
