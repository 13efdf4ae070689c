namespace Sextant.Analysis;

/// <summary>
/// A query: what to compute, as an immutable record with value equality. An engine answers it
/// with <typeparamref name="TMeasures"/> (the counts and sufficient statistics any engine, in
/// memory or SQL, can return); the analysis's shaper turns those into <typeparamref name="TResult"/>.
/// </summary>
/// <typeparam name="TMeasures">What an engine returns.</typeparam>
/// <typeparam name="TResult">What the analysis reports.</typeparam>
#pragma warning disable CA1040 // A marker: the type parameters are the contract.
public interface IAnalysisQuery<TMeasures, TResult>;
#pragma warning restore CA1040

/// <summary>
/// The scope shared by analyses over users: a time range, an optional cohort filter and up to
/// three breakdowns whose largest groups keep their own rows (docs/QUERIES.md).
/// </summary>
public interface IScopedQuery
{
    /// <summary>The instants looked at; each analysis documents what must fall in it.</summary>
    TimeRange Range { get; }

    /// <summary>Only members of this cohort are counted, or everyone when null.</summary>
    Cohort? Cohort { get; }

    /// <summary>Dimensions to group users by (at most <see cref="Breakdowns.Max"/>).</summary>
    ValueList<Breakdown> Breakdowns { get; }

    /// <summary>Groups beyond the largest ones are merged into Other.</summary>
    int BreakdownLimit { get; }
}
