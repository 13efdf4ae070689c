using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Ingest;

/// <summary>
/// Exposure events (<c>$experiment_started</c>, Mixpanel's convention) carry an experiment
/// assignment in their properties; the importer also stores them as assignment rows.
/// </summary>
internal static class ExposureEvents
{
    public const string EventName = "$experiment_started";
    private static readonly byte[][] ExperimentKeys = [.. new[] { "experiment", "Experiment name", "$experiment_name" }.Select(System.Text.Encoding.UTF8.GetBytes)];
    private static readonly byte[][] VariantKeys = [.. new[] { "variant", "Variant name", "$variant" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    public static IEnumerable<Assignment> ToAssignments(IEnumerable<EventRecord> events)
    {
        foreach (var record in events)
        {
            if (record.Event != EventName || record.UserId is null) continue;
            var properties = System.Text.Encoding.UTF8.GetBytes(record.PropertiesJson);
            var experiment = First(properties, ExperimentKeys);
            var variant = First(properties, VariantKeys);
            if (experiment is null || variant is null) continue;
            yield return new Assignment(experiment, record.UserId, variant, record.Timestamp);
        }
    }

    private static string? First(byte[] json, byte[][] keys)
    {
        foreach (var key in keys)
        {
            var value = JsonText.TopLevelValue(json, key);
            if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
        }
        return null;
    }
}
