/// The text of `hubsh --help`.
enum Usage {
    static let version = "hubsh 0.1.0 (Lua 5.4)"

    static let text = """
    hubsh: script HubSpot CRM in Lua.

    Usage:
      hubsh                        start the REPL
      hubsh run FILE [ARGS...]     run a script; FILE '-' reads standard input
      hubsh -e CODE [ARGS...]      run CODE and print what it returns
      hubsh sandbox serve [--port N] [--data FILE] [--seed demo|empty] [--latency MS] [--rate-limit N]
                                   serve the offline HubSpot on http://127.0.0.1:N
      hubsh help                   show this help

    Options:
      --sandbox          use the offline sandbox, not an account
      --profile NAME     use the named account profile
      --base-url URL     send API calls to URL instead of https://api.hubapi.com
      --dry-run          show writes instead of sending them
      --json             print results as JSON
      --quiet            print less
      --verbose          print each request
      -h, --help         show this help
      -v, --version      show the version

    Environment:
      HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL, HUBSH_PROFILE, NO_COLOR

    Exit status:
      0 ok, 1 script error, 2 usage, 3 configuration or auth, 75 lock held,
      124 timeout, 130 interrupted
    """
}
