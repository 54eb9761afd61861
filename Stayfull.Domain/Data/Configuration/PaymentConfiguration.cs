using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.ProviderPaymentId).HasMaxLength(100);
        builder.Property(p => p.CheckoutSessionId).HasMaxLength(100);
        builder.Property(p => p.CheckoutUrl).HasMaxLength(2000);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.DisputeStatus).HasMaxLength(50);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.HotelId, p.ReservationId });
        builder.HasIndex(p => new { p.HotelId, p.ProviderPaymentId }).IsUnique();
        builder.HasIndex(p => new { p.HotelId, p.CheckoutSessionId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(p => p.HotelId);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(p => p.ReservationId);
        builder.Ignore(p => p.IsCapturable);
        builder.Ignore(p => p.IsReleasable);
    }
}
