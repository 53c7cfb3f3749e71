package io.parkpulse.reporting.console;

import io.parkpulse.common.security.Roles;
import java.util.List;

/**
 * Who is signed in, read from the access token the session holds. The console uses it only to choose
 * what to show; every service checks the token itself on every call.
 */
public record ConsoleUser(String token, String name, List<String> roles, String park, long expiresAt) {

    public boolean bureau() {
        return roles.contains(Roles.BUREAU_ADMIN) || roles.contains(Roles.BUREAU_ANALYST);
    }

    public boolean admin() {
        return roles.contains(Roles.BUREAU_ADMIN);
    }

    public boolean parkStaff() {
        return roles.contains(Roles.PARK_STAFF);
    }

    /** The role as the bureau calls it. */
    public String roleLabel() {
        if (admin()) {
            return "市局管理员";
        }
        if (roles.contains(Roles.BUREAU_ANALYST)) {
            return "市局分析员";
        }
        return parkStaff() ? "园区统计员" : "服务账号";
    }
}
