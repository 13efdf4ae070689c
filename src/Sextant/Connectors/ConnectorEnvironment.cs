namespace Sextant.Connectors;

/// <summary>
/// Reads a vendor's credentials from environment variables (never from the command line, where
/// they would end up in shell history and process listings) and picks its API address:
/// <c>--base-url</c>, else <c>SEXTANT_&lt;VENDOR&gt;_BASE_URL</c>, else the vendor's default (US) host.
/// </summary>
internal static class ConnectorEnvironment
{
    /// <summary>The vendors <c>sextant pull</c> reaches.</summary>
    public static IReadOnlyList<string> Vendors { get; } = ["mixpanel", "amplitude", "posthog"];

    /// <summary>The settings of <paramref name="vendor"/>.</summary>
    /// <param name="vendor">mixpanel, amplitude or posthog.</param>
    /// <param name="baseUrl">--base-url, or null.</param>
    /// <param name="variable">Reads an environment variable (null when unset).</param>
    /// <exception cref="SextantException">A variable is missing, or the address is not an http(s) URL.</exception>
    public static ConnectorSettings Read(string vendor, string? baseUrl, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;
        string Need(string name, string why) => Get(name) ?? throw new SextantException($"{vendor}: {name} is not set ({why})");
        var upper = vendor.ToUpperInvariant();
        var url = Normalise(baseUrl ?? Get($"SEXTANT_{upper}_BASE_URL") ?? DefaultBaseUrl(vendor), vendor);
        switch (vendor)
        {
            case "mixpanel":
                {
                    var projectId = Get("SEXTANT_MIXPANEL_PROJECT_ID");
                    if (Get("SEXTANT_MIXPANEL_USERNAME") is { } user)
                    {
                        var secret = Need("SEXTANT_MIXPANEL_SECRET", "the service account's secret, beside SEXTANT_MIXPANEL_USERNAME");
                        if (projectId is null) throw new SextantException("mixpanel: SEXTANT_MIXPANEL_PROJECT_ID is not set (a service account names the project it exports)");
                        return new(vendor, url, ConnectorSettings.Basic(user, secret), projectId,
                            "SEXTANT_MIXPANEL_USERNAME and SEXTANT_MIXPANEL_SECRET", ConnectorSettings.KeyOf(vendor, url, projectId));
                    }
                    var apiSecret = Get("SEXTANT_MIXPANEL_API_SECRET")
                        ?? throw new SextantException("mixpanel: SEXTANT_MIXPANEL_USERNAME and SEXTANT_MIXPANEL_SECRET (a service account) or SEXTANT_MIXPANEL_API_SECRET (the project's API secret) are not set");
                    return new(vendor, url, ConnectorSettings.Basic(apiSecret, ""), projectId, "SEXTANT_MIXPANEL_API_SECRET", ConnectorSettings.KeyOf(vendor, url, projectId));
                }
            case "amplitude":
                {
                    var key = Need("SEXTANT_AMPLITUDE_API_KEY", "the project's API key");
                    var secret = Need("SEXTANT_AMPLITUDE_SECRET_KEY", "the project's secret key");
                    return new(vendor, url, ConnectorSettings.Basic(key, secret), null,
                        "SEXTANT_AMPLITUDE_API_KEY and SEXTANT_AMPLITUDE_SECRET_KEY", ConnectorSettings.KeyOf(vendor, url, null));
                }
            case "posthog":
                {
                    var key = Need("SEXTANT_POSTHOG_API_KEY", "a personal API key with query:read");
                    var projectId = Need("SEXTANT_POSTHOG_PROJECT_ID", "the numeric project id");
                    return new(vendor, url, ConnectorSettings.Bearer(key), projectId, "SEXTANT_POSTHOG_API_KEY", ConnectorSettings.KeyOf(vendor, url, projectId));
                }
            default:
                throw new SextantException($"unknown source '{vendor}' (expected one of: {string.Join(", ", Vendors)})");
        }
    }

    /// <summary>The documented default host of each vendor's export API (US data residency).</summary>
    public static string DefaultBaseUrl(string vendor) => vendor switch
    {
        "mixpanel" => "https://data.mixpanel.com",
        "amplitude" => "https://amplitude.com",
        "posthog" => "https://us.posthog.com",
        _ => throw new SextantException($"unknown source '{vendor}' (expected one of: {string.Join(", ", Vendors)})"),
    };

    private static string Normalise(string url, string vendor)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new SextantException($"{vendor}: base URL '{url}' is not an http(s) address (expected e.g. {DefaultBaseUrl(vendor)})");
        return url.TrimEnd('/');
    }
}
