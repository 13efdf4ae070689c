using System.Text;
using Sextant.Connectors;

namespace Sextant.Tests.Connectors;

public sealed class ConnectorEnvironmentTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    private static string Error(string vendor, params (string, string)[] set) =>
        Assert.Throws<SextantException>(() => ConnectorEnvironment.Read(vendor, null, Variables(set))).Message;

    [Fact]
    public void Mixpanel_takes_a_service_account_with_its_project()
    {
        var settings = ConnectorEnvironment.Read("mixpanel", null, Variables(
            ("SEXTANT_MIXPANEL_USERNAME", "svc"), ("SEXTANT_MIXPANEL_SECRET", "pw"), ("SEXTANT_MIXPANEL_PROJECT_ID", "42")));

        Assert.Equal("https://data.mixpanel.com", settings.BaseUrl);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:pw")), settings.Authorization.ToString());
        Assert.Equal("42", settings.ProjectId);
        Assert.Equal("mixpanel https://data.mixpanel.com project 42", settings.SourceKey);
    }

    [Fact]
    public void Mixpanel_takes_the_api_secret_as_user_with_an_empty_password()
    {
        var settings = ConnectorEnvironment.Read("mixpanel", "https://data-eu.mixpanel.com/", Variables(("SEXTANT_MIXPANEL_API_SECRET", "abc")));

        Assert.Equal("https://data-eu.mixpanel.com", settings.BaseUrl);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("abc:")), settings.Authorization.ToString());
    }

    [Fact]
    public void Missing_variables_are_named_in_one_line()
    {
        Assert.Equal("mixpanel: SEXTANT_MIXPANEL_USERNAME and SEXTANT_MIXPANEL_SECRET (a service account) or SEXTANT_MIXPANEL_API_SECRET (the project's API secret) are not set", Error("mixpanel"));
        Assert.Equal("mixpanel: SEXTANT_MIXPANEL_SECRET is not set (the service account's secret, beside SEXTANT_MIXPANEL_USERNAME)", Error("mixpanel", ("SEXTANT_MIXPANEL_USERNAME", "svc")));
        Assert.Equal("mixpanel: SEXTANT_MIXPANEL_PROJECT_ID is not set (a service account names the project it exports)", Error("mixpanel", ("SEXTANT_MIXPANEL_USERNAME", "svc"), ("SEXTANT_MIXPANEL_SECRET", "pw")));
        Assert.Equal("amplitude: SEXTANT_AMPLITUDE_SECRET_KEY is not set (the project's secret key)", Error("amplitude", ("SEXTANT_AMPLITUDE_API_KEY", "k")));
        Assert.Equal("posthog: SEXTANT_POSTHOG_PROJECT_ID is not set (the numeric project id)", Error("posthog", ("SEXTANT_POSTHOG_API_KEY", "phx")));
    }

    [Fact]
    public void The_base_url_comes_from_the_option_then_the_variable_then_the_default()
    {
        var keys = Variables(("SEXTANT_AMPLITUDE_API_KEY", "k"), ("SEXTANT_AMPLITUDE_SECRET_KEY", "s"), ("SEXTANT_AMPLITUDE_BASE_URL", "https://analytics.eu.amplitude.com"));

        Assert.Equal("https://analytics.eu.amplitude.com", ConnectorEnvironment.Read("amplitude", null, keys).BaseUrl);
        Assert.Equal("http://127.0.0.1:9", ConnectorEnvironment.Read("amplitude", "http://127.0.0.1:9", keys).BaseUrl);
        Assert.Equal("https://us.posthog.com", ConnectorEnvironment.Read("posthog", null, Variables(("SEXTANT_POSTHOG_API_KEY", "p"), ("SEXTANT_POSTHOG_PROJECT_ID", "1"))).BaseUrl);
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_refused()
    {
        var error = Assert.Throws<SextantException>(() => ConnectorEnvironment.Read("posthog", "ftp://x", Variables())).Message;

        Assert.Equal("posthog: base URL 'ftp://x' is not an http(s) address (expected e.g. https://us.posthog.com)", error);
    }
}
