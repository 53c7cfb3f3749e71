package io.parkpulse.indicators.rest;

import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.ParkKind;
import io.parkpulse.indicators.domain.ParkLand;
import io.parkpulse.indicators.domain.ParkLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

public final class ParkDtos {

    public record RegisterPark(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "{parkpulse.code.park}")
            String code,

            @NotBlank @Size(max = 100) String name,
            @NotNull ParkLevel level,
            @NotNull ParkKind kind,
            @NotBlank @Size(max = 100) String district,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
            BigDecimal plannedAreaKm2,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("10000000")
            @Digits(integer = 8, fraction = 2)
            BigDecimal developedLandMu,

            LocalDate landEffectiveFrom,
            @Size(max = 64) String peerGroup) {}

    public record UpdatePark(
            @NotBlank @Size(max = 100) String name,
            @NotNull ParkLevel level,
            @NotNull ParkKind kind,
            @NotBlank @Size(max = 100) String district,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
            BigDecimal plannedAreaKm2,

            @Size(max = 64) String peerGroup,

            @NotNull @Pattern(regexp = "ACTIVE|CLOSED", message = "{parkpulse.choice.park-status}")
            String status,

            @NotNull Long version) {}

    public record SetLand(
            @NotNull LocalDate effectiveFrom,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("10000000")
            @Digits(integer = 8, fraction = 2)
            BigDecimal developedLandMu) {}

    public record LandView(LocalDate effectiveFrom, BigDecimal developedLandMu) {}

    public record ParkView(
            String code,
            String name,
            ParkLevel level,
            String levelLabel,
            ParkKind kind,
            String kindLabel,
            String district,
            BigDecimal plannedAreaKm2,
            BigDecimal developedLandMu,
            LocalDate landEffectiveFrom,
            String peerGroup,
            String status,
            long version) {

        static ParkView of(Park p, ParkLand land) {
            return new ParkView(
                    p.code,
                    p.name,
                    p.level,
                    p.level.label,
                    p.kind,
                    p.kind.label,
                    p.district,
                    p.plannedAreaKm2,
                    land == null ? null : land.developedLandMu,
                    land == null ? null : land.id.effectiveFrom(),
                    p.peerGroup,
                    p.status,
                    p.version);
        }
    }

    private ParkDtos() {}
}
