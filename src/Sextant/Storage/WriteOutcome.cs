namespace Sextant.Storage;

/// <summary>What happened to one record written to a store.</summary>
public enum WriteOutcome
{
    /// <summary>The record was new and was stored.</summary>
    Inserted,

    /// <summary>The record replaced or merged into a stored one that differed.</summary>
    Updated,

    /// <summary>The record was already stored as it is; nothing changed.</summary>
    Duplicate,
}
