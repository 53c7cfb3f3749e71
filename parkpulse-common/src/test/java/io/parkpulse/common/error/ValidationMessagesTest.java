package io.parkpulse.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bean Validation messages every service answers with: Chinese by default, English for a client that asks,
 * whatever the server's own locale (an English JVM must not turn the Chinese default into English).
 */
class ValidationMessagesTest {

    record Body(
            @NotNull String name,
            @Size(max = 100) String district,
            @Size(min = 2, max = 50) List<String> ids,
            @Max(200) Integer size,

            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 4)
            BigDecimal area,

            @Pattern(regexp = "asc|desc", message = "{parkpulse.choice.order}")
            String order) {}

    static final Body BAD = new Body(null, "区".repeat(101), List.of("a"), 201, new BigDecimal("-1.23456"), "up");

    private Locale jvm;

    @BeforeEach
    void englishServer() {
        jvm = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(jvm);
    }

    static Map<String, String> messages(Locale locale) {
        try (ValidatorFactory f = Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(locale)
                .buildValidatorFactory()) {
            Validator v = f.getValidator();
            // Two messages for one property come in no set order; sorted, they compare.
            Map<String, java.util.SortedSet<String>> out = new TreeMap<>();
            v.validate(BAD)
                    .forEach(c -> out.computeIfAbsent(c.getPropertyPath().toString(), k -> new java.util.TreeSet<>())
                            .add(c.getMessage()));
            Map<String, String> joined = new TreeMap<>();
            out.forEach((k, m) -> joined.put(k, String.join(" | ", m)));
            return joined;
        }
    }

    @Test
    void chineseByDefault() {
        Map<String, String> zh = messages(ValidationLocale.CHINESE);
        assertEquals("必须填写", zh.get("name"));
        assertEquals("长度不能超过100（文本按字符计，列表按条数计）", zh.get("district"));
        assertEquals("长度应在2至50之间（文本按字符计，列表按条数计）", zh.get("ids"));
        assertEquals("不能大于200", zh.get("size"));
        assertEquals("必须大于0 | 数值超出范围：整数部分最多6位，小数部分最多4位", zh.get("area"));
        assertEquals("应为 asc（升序）或 desc（降序）", zh.get("order"));
    }

    @Test
    void englishWhenAskedFor() {
        Map<String, String> en = messages(Locale.ENGLISH);
        assertEquals("is required", en.get("name"));
        assertEquals("at most 100 characters (items for a list)", en.get("district"));
        assertEquals("between 2 and 50 characters (items for a list)", en.get("ids"));
        assertEquals("must be less than or equal to 200", en.get("size"));
        assertEquals(
                "must be greater than 0 | out of range: at most 6 digits before the decimal point and 4 after it",
                en.get("area"));
        assertEquals("asc or desc", en.get("order"));
    }
}
