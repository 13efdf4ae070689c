using System.Text.Json;
using Sextant.Storage;

namespace Sextant.Ingest.Mapping;

/// <summary>Fills a <see cref="MappedRow"/> from CSV fields or a JSON object.</summary>
internal static class RowMappers
{
    public static void FromCsv(string[] fields, IReadOnlyList<string> header, int[] slotOfColumn, MappedRow row)
    {
        row.Clear();
        var count = Math.Min(fields.Length, header.Count);
        for (var i = 0; i < count; i++)
        {
            var slot = slotOfColumn[i];
            if (slot >= 0) row.Set(slot, fields[i]);
            else if (fields[i].Length > 0) row.Extras.Add((header[i], fields[i], null));
        }
    }

    public static void FromJson(JsonElement root, ColumnMapping mapping, IReadOnlyDictionary<string, string> explicitMap, MappedRow row)
    {
        row.Clear();
        var exact = new bool[mapping.Columns.Count];
        foreach (var property in root.EnumerateObject())
        {
            var slot = mapping.Resolve(property.Name, explicitMap);
            if (slot < 0)
            {
                if (property.Value.ValueKind != JsonValueKind.Null) row.Extras.Add((property.Name, null, property.Value));
                continue;
            }
            // An exact canonical key beats an alias of the same column (user_id over distinct_id).
            var isExact = property.NameEquals(mapping.Columns[slot]) || explicitMap.ContainsKey(property.Name);
            if (row[slot] is not null && (exact[slot] || !isExact)) continue;
            exact[slot] = isExact;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object or JsonValueKind.Array:
                    row.Set(slot, value.GetRawText(), isJson: true);
                    break;
                case JsonValueKind.Number:
                    row.Set(slot, value.GetRawText(), isNumber: true);
                    break;
                default:
                    row.Set(slot, JsonText.Scalar(value));
                    break;
            }
        }
    }
}
