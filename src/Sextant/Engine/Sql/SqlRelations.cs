using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Named sub-queries a statement refers to more than once. PostgreSQL and DuckDB get them as a
/// WITH list, so each is computed once; ClickHouse 18.16 has no WITH sub-queries, so there each
/// reference is the sub-query itself, inline. A relation added as materialised is written
/// <c>AS MATERIALIZED</c>: computed once even where the planner would rather inline it into each
/// reference (PostgreSQL 12+ and DuckDB inline a CTE they judge cheap to repeat).
/// </summary>
internal sealed class SqlRelations(SqlDialect dialect)
{
    private readonly List<(string Name, string Sql, bool Materialized)> _relations = [];

    /// <summary>Adds a relation; later relations may refer to earlier ones through <see cref="Ref(string)"/>.</summary>
    public string Add(string name, string sql, bool materialized = false)
    {
        _relations.Add((name, sql, materialized));
        return Ref(name);
    }

    /// <summary>How a FROM clause names the relation: its name, or the sub-query aliased to its name.</summary>
    public string Ref(string name) => Ref(name, name);

    /// <summary>How a FROM clause names the relation under <paramref name="alias"/>.</summary>
    public string Ref(string name, string alias)
    {
        if (dialect != SqlDialect.ClickHouse) return name == alias ? name : $"{name} AS {alias}";
        var sql = _relations.Single(r => r.Name == name).Sql;
        return $"({sql}) AS {alias}";
    }

    /// <summary>The statement: the WITH list (where the dialect has one) before <paramref name="body"/>.</summary>
    public string Statement(string body)
    {
        if (dialect == SqlDialect.ClickHouse || _relations.Count == 0) return body;
        var with = string.Join(",\n", _relations.Select(r => $"{r.Name} AS {(r.Materialized ? "MATERIALIZED " : "")}(\n{Indent(r.Sql)}\n)"));
        return $"WITH {with}\n{body}";
    }

    private static string Indent(string sql) => string.Join('\n', sql.Split('\n').Select(line => "    " + line));
}
