using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>Reads user profiles into per-entity sign-up instants and attribute columns.</summary>
internal static class ProfileLoader
{
    private static readonly string[] FixedColumns = ["segment", "channel", "plan", "country", "platform", "workspace_id"];

    public static (long[] SignupAt, UserAttributes Attributes) Load(
        SqliteConnection connection, StoreDictionaries dictionaries, int entityCount, int userCount, long[] sortedTimes, int[] offsets)
    {
        var signups = new long[entityCount];
        for (var entity = 0; entity < entityCount; entity++)
            signups[entity] = offsets[entity + 1] > offsets[entity] ? sortedTimes[offsets[entity]] : long.MinValue;

        var values = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var name in FixedColumns) values[name] = new string?[entityCount];

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, signup_at, segment, channel, plan, country, platform, workspace_id, traits FROM users";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!dictionaries.TryGetCode(DictionaryKind.UserId, reader.GetString(0), out var code) || code > userCount) continue;
            var entity = code - 1;
            if (!reader.IsDBNull(1)) signups[entity] = reader.GetInt64(1);
            for (var i = 0; i < FixedColumns.Length; i++)
                if (!reader.IsDBNull(i + 2)) values[FixedColumns[i]][entity] = reader.GetString(i + 2);
            AddTraits(reader.GetString(8), entity, entityCount, values);
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
