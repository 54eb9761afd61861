namespace Stayfull.Domain.Integrations;

/// <summary>What the inbox and the outbox have in common: due work that one processor instance claims at a time.</summary>
public interface IQueuedWork
{
    Guid Id { get; }

    Guid HotelId { get; }

    WorkStatus Status { get; }

    DateTimeOffset NextAttemptAt { get; }

    DateTimeOffset? LockedUntil { get; }

    void Claim(DateTimeOffset until);
}
