namespace Sextant.Storage;

/// <summary>One finding of <see cref="IEventStore.VerifyIntegrity"/>.</summary>
/// <param name="Name">Stable snake_case name, reported as a check of that name.</param>
/// <param name="Status">pass, warn or fail.</param>
/// <param name="FailingRows">Events (or other rows) affected.</param>
/// <param name="Message">What was verified and, when it fails, what to do.</param>
public sealed record IntegrityFinding(string Name, IntegrityStatus Status, long FailingRows, string Message);
