using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reliability.Oversell;

internal sealed record AttemptOutcome(BookingAttempt Attempt, Reservation? Reservation, RevisionResult? Revision, Exception? Error);

/// <summary>Starts every attempt of a round at once, each in its own scope as separate requests would be.</summary>
internal static class OversellRace
{
    public static async Task<IReadOnlyList<AttemptOutcome>> RunAsync(TestHotel hotel, OversellRound round)
    {
        // SQLite waits for its write lock by sleeping on the calling thread. A web server would have a thread per
        // request by then; without them the pool adds threads slowly and the race measures thread injection instead.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, round.Attempts.Count + 8), completions);
        try
        {
            return await RaceAsync(hotel, round);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completions);
        }
    }

    private static async Task<IReadOnlyList<AttemptOutcome>> RaceAsync(TestHotel hotel, OversellRound round)
    {
        // An awaited gate, not a blocking one: 200 racers parked on a blocking wait would each hold a pool thread.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = round.Attempts.Select(attempt => Task.Run(async () =>
        {
            var bookings = hotel.Get<BookingService>();
            var channel = hotel.Get<ChannelBookingService>();
            await start.Task;
            try
            {
                return attempt.Path == BookingPath.Ota
                    ? new AttemptOutcome(attempt, null, (await channel.PullAsync(attempt.Revision!.Id, CancellationToken.None)).Single(), null)
                    : new AttemptOutcome(attempt, await bookings.BookAsync(attempt.Request!, CancellationToken.None), null, null);
            }
#pragma warning disable CA1031 // Any failure is an outcome the test reports, with the attempt it belongs to.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new AttemptOutcome(attempt, null, null, ex);
            }
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(racers);
    }
}
