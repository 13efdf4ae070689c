using System.Net.Http.Headers;
using System.Text;

namespace Sextant.Connectors;

/// <summary>
/// What a connector needs to reach one vendor's export API: where it is, how to sign in and
/// which project. Secrets stay inside <see cref="Authorization"/> and are never printed.
/// </summary>
/// <param name="Vendor">mixpanel, amplitude or posthog.</param>
/// <param name="BaseUrl">The API's address without a trailing slash (https://data.mixpanel.com).</param>
/// <param name="Authorization">The Authorization header every request carries.</param>
/// <param name="ProjectId">The vendor's project id, where its API takes one.</param>
/// <param name="CredentialNames">The environment variables the credentials came from, named when they are refused.</param>
/// <param name="SourceKey">What the day checkpoints are kept under: the vendor, its address and project.</param>
internal sealed record ConnectorSettings(
    string Vendor,
    string BaseUrl,
    AuthenticationHeaderValue Authorization,
    string? ProjectId,
    string CredentialNames,
    string SourceKey)
{
    /// <summary>HTTP Basic credentials as the vendors' docs describe them: base64 of user:password.</summary>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>A bearer token (PostHog's personal API key).</summary>
    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>The key checkpoints use for a vendor at an address (the mock gets one of its own, whatever its port).</summary>
    public static string KeyOf(string vendor, string baseUrl, string? projectId) =>
        projectId is null ? $"{vendor} {baseUrl}" : $"{vendor} {baseUrl} project {projectId}";
}
