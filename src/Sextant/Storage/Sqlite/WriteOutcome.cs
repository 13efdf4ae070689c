namespace Sextant.Storage.Sqlite;

/// <summary>What happened to one record written to the store.</summary>
internal enum WriteOutcome
{
    Inserted,
    Updated,
    Duplicate,
}
