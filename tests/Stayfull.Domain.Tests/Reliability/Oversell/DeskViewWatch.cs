using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.Rates;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reliability.Oversell;

/// <summary>
/// Reads the round's nights over and over while the race runs, as the desk's availability grid does, and keeps
/// the lowest of two figures: the availability reported, and the rooms left as the desk and the guest page
/// count them, that is sellable rooms minus what is sold apart from the OTA bookings flagged as overbooked.
/// The counter is read before the flags: both only grow during a race, so a read in that order can only make
/// the second figure look higher than it was, never lower; a desk or guest sale beyond the last room shows as -1.
/// </summary>
internal sealed class DeskViewWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(int Reported, int DeskView, int Samples)> _watching;

    public DeskViewWatch(TestHotel hotel, OversellRound round)
    {
        var typeId = round.RoomTypeId(hotel);
        _watching = Task.Run(async () =>
        {
            var (reported, deskView, samples) = (int.MaxValue, int.MaxValue, 0);
            do
            {
                var days = (await hotel.Get<AvailabilityService>().GetAsync(round.Arrival, round.Departure, CancellationToken.None)).Single(t => t.RoomTypeId == typeId).Days;
                int flagged;
                await using (var db = hotel.Db())
                {
                    flagged = await db.ChannelBookings.CountAsync(b => b.UniqueId.StartsWith(round.UniqueIdPrefix) && b.Attention == ChannelBookingAttention.Overbooked);
                }

                reported = Math.Min(reported, days.Min(d => d.Available));
                deskView = Math.Min(deskView, days.Min(d => d.Rooms - d.OutOfOrder - (d.Booked - flagged)));
                samples++;
                await Task.Delay(5);
            }
            while (!_stop.IsCancellationRequested);
            return (reported, deskView, samples);
        });
    }

    public async Task<(int Reported, int DeskView, int Samples)> StopAsync()
    {
        await _stop.CancelAsync();
        return await _watching;
    }

    public void Dispose() => _stop.Dispose();
}
