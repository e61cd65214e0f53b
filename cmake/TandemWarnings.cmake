# Warnings every Tandem target compiles with; CI turns them into errors.
function(tandem_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
    -Wimplicit-fallthrough
    # GCC 12 reports impossible overlaps inside std::string concatenation (GCC bug 105651).
    -Wno-restrict)
  if(TANDEM_WERROR AND NOT TANDEM_SANITIZE)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
