using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Upsells;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Upsells;

/// <summary>Arranging upsell offers on a test hotel (check-in 15:00, check-out 11:00, Lisbon, EUR).</summary>
internal static class UpsellsHotel
{
    public static readonly TimeOnly EarlyFrom = new(10, 0);

    public static readonly TimeOnly LateUntil = new(14, 0);

    public const long EarlyPrice = 3000;

    public const long LatePrice = 2500;

    public static UpsellSettingsValues BothOffered => new(true, EarlyFrom, EarlyPrice, true, LateUntil, LatePrice);

    public static Task OfferBothAsync(this TestHotel hotel) =>
        hotel.AsOwnerAsync(() => hotel.Get<UpsellService>().SaveSettingsAsync(BothOffered, CancellationToken.None));

    public static async Task<UpsellOffer> OfferAsync(this TestHotel hotel, Guid reservationId, UpsellKind kind) =>
        (await hotel.Get<UpsellService>().OffersAsync(reservationId, CancellationToken.None)).Single(o => o.Kind == kind);

    public static async Task<IReadOnlyList<FolioEntry>> ChargesAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.FolioEntries.Where(e => e.ReservationId == reservationId && e.Kind == FolioEntryKind.Charge).ToListAsync();
    }
}
