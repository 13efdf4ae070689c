using System.Reflection;
using Sextant.Engine;

namespace Sextant.Tests.Engine;

/// <summary>Every registered query is a pure value: a record whose parts compare by value, with no config types.</summary>
public sealed class QueryPurityTests
{
    [Fact]
    public void Every_registered_query_is_a_record_of_values_without_reference_compared_collections_or_config_types()
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var type in Analyses.QueryTypes) Check(type, type.Name, problems, seen);
        Assert.True(Analyses.QueryTypes.Count() >= 12, "every analysis is registered");
        Assert.Empty(problems);
    }

    [Fact]
    public void A_list_held_by_reference_or_a_config_part_is_reported()
    {
        var problems = new List<string>();
        Check(typeof(ListQuery), nameof(ListQuery), problems, []);
        Check(typeof(ConfigQuery), nameof(ConfigQuery), problems, []);
        Assert.Contains("ListQuery.Names: IReadOnlyList`1 compares by reference (use ValueList)", problems);
        Assert.Contains("ConfigQuery.Config: a config type (SextantConfig)", problems);
    }

    private sealed record ListQuery(IReadOnlyList<string> Names);

    private sealed record ConfigQuery(Sextant.Configuration.SextantConfig Config);

    private static void Check(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.Namespace?.StartsWith("Sextant", StringComparison.Ordinal) != true || type.IsEnum) return;
        if (type.Namespace.StartsWith("Sextant.Configuration", StringComparison.Ordinal)) problems.Add($"{path}: a config type ({type.Name})");
        var isRecord = type.GetMethod("<Clone>$") is not null || (type.IsValueType && typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type));
        if (!isRecord && !type.IsAbstract) problems.Add($"{path}: {type.Name} is not a record");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.Name == "EqualityContract") continue; // computed from the others
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsArray || (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(List<>)
                    || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))))
                problems.Add($"{path}.{property.Name}: {propertyType.Name} compares by reference (use ValueList)");
            foreach (var part in propertyType.IsGenericType ? propertyType.GetGenericArguments().Append(propertyType) : [propertyType])
                Check(part, path + "." + property.Name, problems, seen);
        }
    }
}
