namespace Sextant;

/// <summary>
/// An error a user can cause and fix: a bad file, a bad option, a bad configuration key.
/// The message is written for that user; front ends print it without a stack trace.
/// </summary>
public sealed class SextantException : Exception
{
    /// <summary>Creates an error with a user-facing message.</summary>
    public SextantException(string message) : base(message) { }

    /// <summary>Creates an error with a user-facing message and the low-level cause.</summary>
    public SextantException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an error with no message; prefer the overloads that explain the problem.</summary>
    public SextantException() : base("Sextant could not complete the operation.") { }
}
