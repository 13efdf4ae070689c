using System.Text.Json;
using Sextant.Storage;

namespace Sextant.Events;

/// <summary>Turns user profiles into per-entity sign-up instants and attribute columns.</summary>
internal static class ProfileColumns
{
    /// <summary>The profile attributes every store has; the traits' keys add the rest.</summary>
    internal static readonly string[] FixedColumns = ["segment", "channel", "plan", "country", "platform", "workspace_id"];

    public static (long[] SignupAt, UserAttributes Attributes) Build(
        IEnumerable<UserProfile> profiles, UserDirectory users, int entityCount, long[] sortedTimes, int[] offsets)
    {
        var signups = new long[entityCount];
        for (var entity = 0; entity < entityCount; entity++)
            signups[entity] = offsets[entity + 1] > offsets[entity] ? sortedTimes[offsets[entity]] : long.MinValue;

        var values = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var name in FixedColumns) values[name] = new string?[entityCount];
        var segment = values["segment"];
        var channel = values["channel"];
        var plan = values["plan"];
        var country = values["country"];
        var platform = values["platform"];
        var workspace = values["workspace_id"];

        foreach (var profile in profiles)
        {
            if (!users.TryGetCode(profile.UserId, out var code) || code > users.Count) continue;
            var entity = code - 1;
            if (profile.SignupAt is { } signup) signups[entity] = signup.UnixMicroseconds;
            // A missing value keeps what an earlier profile of the same user set.
            if (profile.Segment is not null) segment[entity] = profile.Segment;
            if (profile.Channel is not null) channel[entity] = profile.Channel;
            if (profile.Plan is not null) plan[entity] = profile.Plan;
            if (profile.Country is not null) country[entity] = profile.Country;
            if (profile.Platform is not null) platform[entity] = profile.Platform;
            if (profile.WorkspaceId is not null) workspace[entity] = profile.WorkspaceId;
            AddTraits(profile.TraitsJson, entity, entityCount, values);
        }

        var columns = values.ToDictionary(pair => pair.Key, pair => CodedColumn.Encode(pair.Value), StringComparer.Ordinal);
        return (signups, new UserAttributes(columns));
    }

    private static void AddTraits(string traitsJson, int entity, int entityCount, Dictionary<string, string?[]> values)
    {
        if (traitsJson.Length <= 2) return;
        using var document = JsonDocument.Parse(traitsJson);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!values.TryGetValue(property.Name, out var column))
            {
                column = new string?[entityCount];
                values[property.Name] = column;
            }
            column[entity] = JsonText.Scalar(property.Value);
        }
    }
}
