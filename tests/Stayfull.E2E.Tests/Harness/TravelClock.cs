namespace Stayfull.E2E.Tests.Harness;

/// <summary>
/// The system clock moved forward by whole days on request, so a test can play "the next morning"
/// (a guest who stays the night). Timers and timestamps stay real: only the date and time read by
/// the app move, which keeps Kestrel, SignalR and the circuit unaffected.
/// </summary>
public sealed class TravelClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
