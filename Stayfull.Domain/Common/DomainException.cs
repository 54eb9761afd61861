namespace Stayfull.Domain.Common;

/// <summary>A refusal the person can understand and act on. The web layer maps each kind to its HTTP status.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The thing does not exist for this hotel (another hotel's ids look exactly like missing ones).</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} was not found.");

/// <summary>No room of the requested type is left for at least one night.</summary>
public sealed class SoldOutException(string message) : DomainException(message);

/// <summary>A business rule refuses the action (wrong state, dirty room, restriction, unpaid balance).</summary>
public sealed class RuleViolationException(string message) : DomainException(message);

/// <summary>Someone else changed the same thing first; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string message) : DomainException(message);

/// <summary>The signed-in person's role does not allow this action.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>The input is malformed (missing name, departure before arrival).</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
