namespace Sextant.Connectors;

/// <summary>One vendor's export API: how a day's events are asked for and read.</summary>
internal interface IExportApi
{
    /// <summary>mixpanel, amplitude or posthog: the source name and the name of the format its items are read with.</summary>
    string Name { get; }

    /// <summary>
    /// Asks for the events of one UTC day and hands each answer, as it arrives, to
    /// <see cref="PullSession.Ingest"/>. Throws when an answer breaks off; the runner then pulls
    /// the day again (event ids make that safe).
    /// </summary>
    void PullDay(DateOnly day, PullSession session);
}

/// <summary>The export APIs, by name.</summary>
internal static class ExportApis
{
    /// <summary>The API of <paramref name="vendor"/>.</summary>
    /// <exception cref="SextantException">No connector has that name.</exception>
    public static IExportApi Named(string vendor) => vendor switch
    {
        "mixpanel" => new MixpanelExportApi(),
        "amplitude" => new AmplitudeExportApi(),
        "posthog" => new PostHogEventsApi(),
        _ => throw new SextantException($"unknown source '{vendor}' (expected one of: {string.Join(", ", ConnectorEnvironment.Vendors)})"),
    };
}
