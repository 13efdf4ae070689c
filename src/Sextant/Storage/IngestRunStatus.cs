namespace Sextant.Storage;

/// <summary>The state of one recorded ingest run (one file ingested once).</summary>
public enum IngestRunStatus
{
    /// <summary>Started and not finished: running now, or stopped before its end.</summary>
    Running,

    /// <summary>Ran to its end and committed.</summary>
    Done,

    /// <summary>Ran to its end and was rolled back (strict mode found a bad row).</summary>
    RolledBack,

    /// <summary>Stopped before its end, then completed by a later run of the same file.</summary>
    Superseded,
}
