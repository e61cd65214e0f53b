# Warnings every Tandem target compiles with; CI turns them into errors.
function(tandem_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
    -Wimplicit-fallthrough)
  if(TANDEM_WERROR AND NOT TANDEM_SANITIZE)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
