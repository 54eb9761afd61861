using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class ChannelBookingConfiguration : IEntityTypeConfiguration<ChannelBooking>
{
    public void Configure(EntityTypeBuilder<ChannelBooking> builder)
    {
        builder.Property(b => b.ChannelBookingId).HasMaxLength(100);
        builder.Property(b => b.UniqueId).HasMaxLength(100);
        builder.Property(b => b.OtaReservationCode).HasMaxLength(100);
        builder.Property(b => b.OtaName).HasMaxLength(100);
        builder.Property(b => b.LastRevisionId).HasMaxLength(100);
        builder.Property(b => b.GuestName).HasMaxLength(200);
        builder.Property(b => b.GuestCountry).HasMaxLength(10);
        builder.Property(b => b.GuestLanguage).HasMaxLength(10);
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Property(b => b.PaymentCollect).HasMaxLength(20);
        builder.Property(b => b.PaymentType).HasMaxLength(30);
        builder.Property(b => b.Notes).HasMaxLength(2000);
        builder.Property(b => b.AttentionReason).HasMaxLength(500);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.NeedsAttention);
        builder.HasIndex(b => new { b.HotelId, b.UniqueId }).IsUnique();
        builder.HasIndex(b => new { b.HotelId, b.ChannelBookingId });
        builder.HasIndex(b => new { b.HotelId, b.Attention });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(b => b.HotelId);
    }
}

internal sealed class ChannelBookingRoomConfiguration : IEntityTypeConfiguration<ChannelBookingRoom>
{
    public void Configure(EntityTypeBuilder<ChannelBookingRoom> builder)
    {
        builder.Property(r => r.ChannelRoomTypeId).HasMaxLength(100);
        builder.Property(r => r.ChannelRatePlanId).HasMaxLength(100);
        builder.Property(r => r.NightlyAmounts).HasMaxLength(20000);
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.HasIndex(r => new { r.ChannelBookingId, r.Index }).IsUnique();
        builder.HasIndex(r => new { r.HotelId, r.ReservationId });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.HasOne<ChannelBooking>().WithMany().HasForeignKey(r => r.ChannelBookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(r => r.ReservationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppliedChannelRevisionConfiguration : IEntityTypeConfiguration<AppliedChannelRevision>
{
    public void Configure(EntityTypeBuilder<AppliedChannelRevision> builder)
    {
        builder.Property(r => r.RevisionId).HasMaxLength(100);
        builder.Property(r => r.UniqueId).HasMaxLength(100);
        builder.HasIndex(r => new { r.HotelId, r.RevisionId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
    }
}
