using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// A hotel's push state: who is pushing it now (a version-checked lock, so two web instances never push
/// the same hotel at once; a crashed pusher's lock simply expires), and per kind how long pushes wait after
/// failures, or why they are parked until staff act.
/// </summary>
public sealed class AriSyncState : ITenantOwned
{
    public static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(15);

    private AriSyncState()
    {
    }

    public AriSyncState(Guid hotelId)
    {
        HotelId = hotelId;
    }

    public Guid HotelId { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? AvailabilityPausedUntil { get; private set; }

    public int AvailabilityFailures { get; private set; }

    public string? AvailabilityParked { get; private set; }

    public DateTimeOffset? RestrictionsPausedUntil { get; private set; }

    public int RestrictionsFailures { get; private set; }

    public string? RestrictionsParked { get; private set; }

    /// <summary>The hotel-local night whose full sync was queued last, so each night gets one.</summary>
    public DateOnly? LastFullSyncQueuedFor { get; private set; }

    public int Version { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void Lock(DateTimeOffset until)
    {
        LockedUntil = until;
        Version++;
    }

    public void Unlock()
    {
        LockedUntil = null;
        Version++;
    }

    public DateTimeOffset? PausedUntil(AriKind kind) => kind == AriKind.Availability ? AvailabilityPausedUntil : RestrictionsPausedUntil;

    public int Failures(AriKind kind) => kind == AriKind.Availability ? AvailabilityFailures : RestrictionsFailures;

    /// <summary>Why pushes of this kind wait for staff; null while they flow.</summary>
    public string? Parked(AriKind kind) => kind == AriKind.Availability ? AvailabilityParked : RestrictionsParked;

    public bool MayPush(AriKind kind, DateTimeOffset now) => Parked(kind) is null && (PausedUntil(kind) is not { } until || until <= now);

    public void Succeeded(AriKind kind) => Set(kind, null, 0, null);

    /// <summary>
    /// Waits at least a minute after a failure (the channel manager's advice), doubling on each failure in a
    /// row up to a quarter of an hour, and never sooner than its own Retry-After.
    /// </summary>
    public DateTimeOffset FailedTransiently(AriKind kind, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var failures = Failures(kind) + 1;
        var backoff = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, FirstPause.Ticks << Math.Min(failures - 1, 10)));
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        var until = now + wait;
        Set(kind, until, failures, null);
        return until;
    }

    public void Park(AriKind kind, string problem) => Set(kind, null, Failures(kind) + 1, problem.Length > 300 ? problem[..300] : problem);

    /// <summary>Staff asked to sync again: parked and paused kinds push at once.</summary>
    public void Resume()
    {
        Set(AriKind.Availability, null, 0, null);
        Set(AriKind.Restrictions, null, 0, null);
    }

    public void FullSyncQueued(DateOnly night)
    {
        LastFullSyncQueuedFor = night;
        Version++;
    }

    private void Set(AriKind kind, DateTimeOffset? pausedUntil, int failures, string? parked)
    {
        if (kind == AriKind.Availability)
        {
            AvailabilityPausedUntil = pausedUntil;
            AvailabilityFailures = failures;
            AvailabilityParked = parked;
        }
        else
        {
            RestrictionsPausedUntil = pausedUntil;
            RestrictionsFailures = failures;
            RestrictionsParked = parked;
        }

        Version++;
    }
}
